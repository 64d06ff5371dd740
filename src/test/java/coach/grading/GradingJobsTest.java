package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import coach.interview.Answer;
import coach.interview.AskedQuestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GradingJobsTest {
    @Test
    void whenGradingGivesUpTheUserIsToldTheirAnswerIsKept() {
        GradingService grading = mock(GradingService.class);
        Answer answer = new Answer(7, "T1", "U1", 3, "my answer", "thread", "msg:C1:1", Instant.EPOCH);
        AskedQuestion asked = new AskedQuestion(3, "T1", "U1", 1, "coding", "code-rate-limiter", "main", "q", null,
                "C1", "1.1", Instant.EPOCH);
        when(grading.answerAndQuestion(7)).thenReturn(Optional.of(new GradingService.AnswerAndQuestion(answer, asked)));
        List<Long> told = new ArrayList<>();
        ReportDelivery delivery = new ReportDelivery() {
            @Override
            public void deliver(GradedAnswer graded) {
                throw new AssertionError("no report to deliver");
            }

            @Override
            public void gradingFailed(Answer a, AskedQuestion q) {
                told.add(a.id());
            }
        };
        new GradingJobs(grading, delivery, Clock.systemUTC(), Duration.ofMinutes(10)).gaveUp(7);
        assertThat(told).containsExactly(7L);
    }
}
