package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.testing.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GraderComparisonTest {
    static final String SECRET_ANSWER = "my answer names the customer Initech";

    static Grade scored(int overall) {
        return new Grade(overall, List.of(), List.of(), "", "test", "", List.of());
    }

    /** A grader that gives every answer what {@code score} returns. */
    static Grader offline(java.util.function.Supplier<Grade> score) {
        return new Grader() {
            @Override
            public Grade grade(GradingRequest request) {
                return score.get();
            }

            @Override
            public String name() {
                return "offline";
            }
        };
    }

    static GradingRequest request() {
        return new GradingRequest(null, "q", List.of(), null, SECRET_ANSWER);
    }

    @Test
    void theGapIsRecordedPerAnswerAndAWideOneIsLoggedWithScoresButNeverTheAnswer() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        GraderComparison comparison = GraderComparison.inline(offline(() -> scored(30)), metrics);
        try (LogCapture logs = new LogCapture()) {
            comparison.compare(scored(40), request(), "coding");
            comparison.compare(scored(85), request(), "coding");
            var gaps = metrics.find("coach.grader.disagreement").summary();
            assertThat(gaps.count()).isEqualTo(2);
            assertThat(gaps.totalAmount()).isEqualTo(10 + 55);
            assertThat(logs.text()).contains("graders disagree by 55 points on a coding answer (LLM 85, offline 30)")
                    .doesNotContain("disagree by 10").doesNotContain("Initech");
        }
    }

    @Test
    void inTheBackgroundTheCallerNeverWaitsAndABurstBeyondTheQueueIsSkippedAndCounted() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        CountDownLatch release = new CountDownLatch(1);
        try (GraderComparison comparison = GraderComparison.inBackground(offline(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return scored(50);
        }), metrics)) {
            int sent = 1_010;
            for (int i = 0; i < sent; i++) {
                comparison.compare(scored(60), request(), "coding"); // returns at once although the grader is stuck
            }
            double skipped = metrics.counter("coach.grader.comparisons.skipped").count();
            assertThat(skipped).isBetween(8.0, 10.0);
            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> metrics.find("coach.grader.disagreement").summary() != null
                    && metrics.find("coach.grader.disagreement").summary().count() + skipped == sent);
        }
    }
}
