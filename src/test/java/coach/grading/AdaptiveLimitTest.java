package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The LLM window: starts wide, halves on refusals, grows back slowly, shares fairly between workspaces. */
class AdaptiveLimitTest {
    @Test
    void halvesOnRefusalsDownToTheMinimumAndGrowsBackAboutOneCallPerWindow() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(32, 1, 64);
        assertThat(limit.current()).isEqualTo(32);
        limit.refused(null);
        assertThat(limit.current()).isEqualTo(16);
        for (int i = 0; i < 10; i++) limit.refused(null);
        assertThat(limit.current()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            limit.acquire("T1");
            limit.release("T1", false, null);
        }
        assertThat(limit.current()).isEqualTo(2); // 1 + 1/1, then + 1/2 twice: one more call per window
        for (int i = 0; i < 1_000; i++) {
            limit.acquire("T1");
            limit.release("T1", false, null);
        }
        assertThat(limit.current()).isBetween(40, 64);
    }

    @Test
    void aBusyWorkspaceCannotStarveAnother() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(4, 1, 4);
        for (int i = 0; i < 4; i++) limit.acquire("BUSY");
        Thread other = new Thread(() -> {
            try {
                limit.acquire("QUIET");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> limit.waiting("QUIET") == 1);
        limit.release("BUSY", false, null); // the freed slot goes to the waiting workspace
        other.join(5_000);
        assertThat(other.isAlive()).isFalse();
        assertThat(limit.inFlight()).isEqualTo(4);
        limit.release("BUSY", false, null);
        // BUSY holds 2 of a window of 4 shared with QUIET: it is at its share and waits
        assertThat(limit.mayStart("BUSY")).isFalse();
        assertThat(limit.mayStart("QUIET")).isTrue();
    }
}
