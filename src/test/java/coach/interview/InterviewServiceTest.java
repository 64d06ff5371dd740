package coach.interview;

import static org.assertj.core.api.Assertions.assertThat;

import coach.config.Stage;
import coach.config.StageCatalog;
import coach.store.Database;
import coach.testing.TestApps;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterviewServiceTest {
    final Database db = Database.open(TestApps.memoryDb());
    final StageCatalog stages = StageCatalog.load(Path.of("config"));
    final QuestionBank bank = QuestionBank.load(Path.of("config"), stages);
    final InterviewService interviews = new InterviewService(stages, bank, new InterviewRepository(db.jdbi()),
            Clock.systemUTC(), new Random(1));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void noQuestionRepeatsForAStageUntilTheBankIsUsedUp() {
        Learner who = new Learner("T1", "U1");
        Stage stage = stages.get("ml-deep-dive");
        int size = bank.forStage(stage.id()).size();
        List<String> firstCycle = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            firstCycle.add(interviews.ask(who, stage, "C1").question().id());
        }
        assertThat(new HashSet<>(firstCycle)).hasSize(size);
        List<String> secondCycle = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            secondCycle.add(interviews.ask(who, stage, "C1").question().id());
        }
        assertThat(new HashSet<>(secondCycle)).hasSize(size);
        // another user, or another stage, has its own history
        assertThat(interviews.ask(new Learner("T1", "U2"), stage, "C1").asked().userId()).isEqualTo("U2");
    }

    @Test
    void answersAreStoredOncePerSourceKeyAndScopedToTheirOwner() {
        Learner who = new Learner("T1", "U1");
        var asked = interviews.ask(who, stages.get("coding"), "C1").asked();
        assertThat(interviews.submitAnswer(asked, "first", "thread", "msg:C1:1")).isPresent();
        assertThat(interviews.submitAnswer(asked, "first", "thread", "msg:C1:1")).isEmpty();
        assertThat(interviews.asked(new Learner("T1", "U2"), asked.id())).isEmpty();
        assertThat(interviews.asked(new Learner("T2", "U1"), asked.id())).isEmpty();
        assertThat(interviews.asked(who, asked.id())).isPresent();
    }
}
