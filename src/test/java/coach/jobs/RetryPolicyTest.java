package coach.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    final RetryPolicy<String> policy = new RetryPolicy<>(6, Duration.ofSeconds(2), Duration.ofMinutes(1), (d, e) -> {});
    final Instant failedAt = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(policy.nextAttempt(failedAt, 1, new IllegalStateException())).isEqualTo(failedAt.plusSeconds(2));
        assertThat(policy.nextAttempt(failedAt, 2, new IllegalStateException())).isEqualTo(failedAt.plusSeconds(4));
        assertThat(policy.nextAttempt(failedAt, 5, new IllegalStateException())).isEqualTo(failedAt.plusSeconds(32));
        assertThat(policy.nextAttempt(failedAt, 9, new IllegalStateException())).isEqualTo(failedAt.plusSeconds(60));
    }

    @Test
    void waitsExactlyAsLongAsTheOtherSideAsked() {
        RetryLater slackSaid = new RetryLater("chat.postMessage: HTTP 429", Duration.ofSeconds(7));
        assertThat(policy.nextAttempt(failedAt, 1, slackSaid)).isEqualTo(failedAt.plusSeconds(7));
        assertThat(policy.nextAttempt(failedAt, 4, new IllegalStateException("wrapped", slackSaid)))
                .isEqualTo(failedAt.plusSeconds(7));
        assertThat(policy.nextAttempt(failedAt, 1, new RetryLater("HTTP 503", null))).isEqualTo(failedAt.plusSeconds(2));
    }
}
