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
        long window = limit.refused(limit.acquire("T1"));
        limit.release("T1", true);
        assertThat(limit.current()).isEqualTo(16);
        for (int i = 0; i < 10; i++) {
            window = limit.refused(window); // refused again after each halving: halves again
        }
        assertThat(limit.current()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            limit.acquire("T1");
            limit.release("T1", false);
        }
        assertThat(limit.current()).isEqualTo(2); // 1 + 1/1, then + 1/2 twice: one more call per window
        for (int i = 0; i < 1_000; i++) {
            limit.acquire("T1");
            limit.release("T1", false);
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
        limit.release("BUSY", false); // the freed slot goes to the waiting workspace
        other.join(5_000);
        assertThat(other.isAlive()).isFalse();
        assertThat(limit.inFlight()).isEqualTo(4);
        limit.release("BUSY", false);
        // BUSY holds 2 of a window of 4 shared with QUIET: it is at its share and waits
        assertThat(limit.mayStart("BUSY")).isFalse();
        assertThat(limit.mayStart("QUIET")).isTrue();
    }

    @Test
    void aBurstOfRefusalsOfCallsStartedUnderTheSameWindowHalvesItOnce() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(32, 1, 64);
        long[] started = new long[32];
        for (int i = 0; i < 32; i++) started[i] = limit.acquire("T1");
        for (int i = 0; i < 32; i++) limit.refused(started[i]); // 32 calls in flight all answered 429
        assertThat(limit.current()).isEqualTo(16);
        for (int i = 0; i < 32; i++) limit.release("T1", true);
        // a call started under the halved window and refused again halves it again
        limit.refused(limit.acquire("T1"));
        assertThat(limit.current()).isEqualTo(8);
    }
}
