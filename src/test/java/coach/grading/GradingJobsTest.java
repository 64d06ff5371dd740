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
import coach.testing.MutableClock;
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
        new GradingJobs(grading, delivery, Clock.systemUTC(), Duration.ofMinutes(10), mock(com.github.kagkarlsson.scheduler.SchedulerClient.class)).gaveUp(7);
        assertThat(told).containsExactly(7L);
    }

    @Test
    void aLaterReportWaitsForAStuckEarlierOneAtMostTheOrderWaitThenGoesOut() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        GradingService grading = mock(GradingService.class);
        Answer later = new Answer(8, "T1", "U1", 3, "later answer", "thread", "msg:C1:2", clock.instant());
        AskedQuestion asked = new AskedQuestion(3, "T1", "U1", 1, "coding", "code-rate-limiter", "main", "q", null,
                "C1", "1.1", Instant.EPOCH);
        GradedAnswer graded = new GradedAnswer(80, later, asked, new Grade(50, List.of(), List.of(), "", "offline", "", List.of()));
        when(grading.gradeOnce(8)).thenReturn(graded);
        when(grading.answerAndQuestion(8)).thenReturn(java.util.Optional.of(new GradingService.AnswerAndQuestion(later, asked)));
        // answer 7 was sent 10 s earlier and is stuck (its instance died mid-grading)
        when(grading.unreported("T1", "U1")).thenReturn(List.of(
                new GradeRepository.Pending(7, clock.instant().minusSeconds(10), false),
                new GradeRepository.Pending(8, clock.instant(), true)));
        List<Long> delivered = new ArrayList<>();
        GradingJobs jobs = new GradingJobs(grading, g -> delivered.add(g.answer().id()), clock, Duration.ofSeconds(30),
                mock(com.github.kagkarlsson.scheduler.SchedulerClient.class));

        assertThat(jobs.run(8)).contains(clock.instant().plusSeconds(20)); // comes back when the wait ends
        assertThat(delivered).isEmpty();

        clock.advance(Duration.ofSeconds(21));
        assertThat(jobs.run(8)).isEmpty();
        assertThat(delivered).containsExactly(8L);
    }

    @Test
    void aJobForAnAnswerDeletedMeanwhileEndsWithoutGradingOrReporting() {
        GradingService grading = mock(GradingService.class);
        when(grading.answerAndQuestion(9)).thenReturn(java.util.Optional.empty());
        List<Long> delivered = new ArrayList<>();
        GradingJobs jobs = new GradingJobs(grading, g -> delivered.add(g.answer().id()),
                new MutableClock(Instant.parse("2026-03-02T09:00:00Z")), Duration.ofSeconds(30),
                mock(com.github.kagkarlsson.scheduler.SchedulerClient.class));
        assertThat(jobs.run(9)).isEmpty();
        org.mockito.Mockito.verify(grading, org.mockito.Mockito.never()).gradeOnce(9);
        assertThat(delivered).isEmpty();
    }
}
