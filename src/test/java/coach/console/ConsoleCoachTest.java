package coach.console;

import static org.assertj.core.api.Assertions.assertThat;

import coach.App;
import coach.config.AppConfig;
import coach.interview.Learner;
import coach.store.Durability;
import coach.testing.TestApps;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The terminal coach driven through stdin/stdout, over the real services and an H2 database. */
class ConsoleCoachTest {
    App app;

    @BeforeEach
    void start() {
        app = new App(AppConfig.fromEnv(Map.of("COACH_DB_URL", TestApps.memoryDb())), Clock.systemUTC(), new Random(7));
    }

    /** The app's core services (the fixture's narrow view of it). */
    App.Components core() {
        return app.components();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    String run(String input) throws Exception {
        return run(input, new ByteArrayOutputStream(), Durability.NONE);
    }

    String run(String input, ByteArrayOutputStream bytes, Durability durability) throws Exception {
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ConsoleCoach(core().stages(), core().interviews(), core().grading(), core().comp(), core().progress(), new BufferedReader(new StringReader(input)), out,
                new Learner("console", "tester"), durability).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A kill -9 after the learner is told anything about an answer loses nothing: the wait comes first. */
    @Test
    void anAnswerIsWaitedOnToDiskBeforeTheLearnerIsToldAnything() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> shownAtWait = new ArrayList<>();
        List<Boolean> storedAtWait = new ArrayList<>();
        Learner tester = new Learner("console", "tester");
        String out = run("""
                /mock sd
                We precompute features in Flink and serve them from Redis, which cut feature lag from 120 ms to 35 ms.
                .
                quit
                """, bytes, () -> {
            shownAtWait.add(bytes.toString(StandardCharsets.UTF_8));
            storedAtWait.add(core().interviews().lastAnswer(tester).isPresent());
        });
        assertThat(storedAtWait).containsExactly(true);
        assertThat(shownAtWait.get(0)).contains("Type your answer").doesNotContain("rate it yourself", "Score ");
        assertThat(out).contains("rate it yourself", "Score ");
    }

    @Test
    void mockAskAnswerAndReport() throws Exception {
        String out = run("""
                /mock sd
                First, I'd consume the Kafka topic with Flink and keep windowed aggregates in keyed state with exactly-once
                checkpoints, writing features to Redis. Instead of computing on request we precompute, because it keeps
                the p99 read under 5 ms. This cut feature lag from 120 ms to 35 ms for the client, +0.7% CTR.
                .
                quit
                """);
        assertThat(out).contains("System design", "Type your answer", "Score ", "/100", "Quantified customer impact",
                "offline grader", "Bye");
        int grades = core().database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from grade where team_id = 'console' and user_id = 'tester'").mapTo(Integer.class).one());
        assertThat(grades).isEqualTo(1);
    }

    @Test
    void helpUnknownStageAndEmptyAnswer() throws Exception {
        String out = run("""
                /mock help
                /mock sytem
                /mock coding

                .
                quit
                """);
        assertThat(out).contains("/mock <stage>", "recruiter-screen", "Did you mean system-design", "No answer given");
    }

    @Test
    void rubricFollowUpAndDone() throws Exception {
        String out = run("""
                /mock rubric leadership
                /mock culture
                The situation: our fraud client saw p99 latency of 900 ms. My task was to fix it. I led a redesign with
                the platform team and as a result latency dropped from 900 ms to 120 ms, cutting false declines by 3%.
                .
                /followup
                I would measure it with a latency histogram per client and compare week over week; it cut tickets by 40%.
                .
                /mock done
                quit
                """);
        assertThat(out).contains("Rubric · Leadership & culture", "weight 40%", "Follow-up · Leadership & culture",
                "Session finished", "2 answer(s)", "Practise next");
    }

    @Test
    void compQuestionsAndOffers() throws Exception {
        String out = run("""
                /comp what is L4 base in London?
                /comp offer level=L5 region=london base=90k bonus=10% equity=100k
                quit
                """);
        assertThat(out).contains("£82K–£105K", "Offer check", "Not legal or tax advice").doesNotContain("*Offer check*");
    }

    @Test
    void theSameCompGrammarAsSlack() throws Exception {
        String out = run("""
                /comp ?
                /comp watch
                /comp asdf qwerty
                quit
                """);
        assertThat(out).contains("Ask me about pay", "That works in Slack", "couldn't tell").doesNotContain("`");
    }

    @Test
    void theSameGrammarAsSlack() throws Exception {
        String out = run("""
                /mock ?
                /mock end
                /mock export
                quit
                """);
        assertThat(out).contains("/mock <stage>", "Session finished", "That works in Slack");
    }

    @Test
    void endOfInputEndsCleanly() throws Exception {
        assertThat(run("/mock\n")).contains("Stages:", "leadership-culture");
    }

    @Test
    void retryGradesANewAttemptAndShowsTheChange() throws Exception {
        String out = run("""
                /mock sd
                I would use Kafka and Flink with state and write the features to Redis for the model service.
                .
                /retry
                First, I'd consume the Kafka topic with Flink and keep windowed aggregates in RocksDB state with exactly-once
                checkpoints, writing features to Redis, instead of joining at request time, because that blows the budget.
                For the ads client this cut feature lag from 120 ms to 35 ms and lifted CTR by 0.7%.
                .
                quit
                """);
        assertThat(out).contains("Attempt 2 · against your last attempt:", "Quantified customer impact 1 → ", "overall ");
        int answers = core().database().jdbi().withHandle(h -> h.createQuery(
                "select count(distinct asked_question_id) from answer where user_id = 'tester'").mapTo(Integer.class).one());
        assertThat(answers).isEqualTo(1); // both attempts answer the same question
    }

    @Test
    void aCommandTypedIntoAnAnswerIsNeverPartOfItAndTheDraftIsKeptUnlessDropped() throws Exception {
        String out = run("""
                /mock sd
                I would consume the topic with Flink.
                /mock help
                n
                And write the features to Redis for the inference service.
                .
                /mock coding
                A heap of size k.
                /mock done
                y
                quit
                """);
        assertThat(out).contains("looks like a command", "Kept your draft", "Draft dropped", "Session finished");
        String stored = core().database().jdbi().withHandle(h -> h.createQuery(
                "select body from answer where user_id = 'tester' order by id").mapTo(String.class).list()).get(0);
        assertThat(stored).contains("Flink", "Redis").doesNotContain("/mock");
        int answers = core().database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from answer where user_id = 'tester'").mapTo(Integer.class).one());
        assertThat(answers).isEqualTo(1); // the dropped coding draft was never stored
    }

    @Test
    void followUpAndRetryWorkAfterARestart() throws Exception {
        run("""
                /mock culture
                The situation: our fraud client saw p99 latency of 900 ms. I led a redesign and latency dropped to 120 ms.
                .
                quit
                """);
        String out = run("""
                /followup
                I would measure it with a latency histogram per client and compare week over week.
                .
                quit
                """);
        assertThat(out).contains("Follow-up · Leadership & culture").doesNotContain("Answer a question first");
    }
}
