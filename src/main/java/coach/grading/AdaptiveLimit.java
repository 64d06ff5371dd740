package coach.grading;

import java.util.HashMap;
import java.util.Map;

/**
 * How many LLM calls may be in flight, found as TCP finds a window: start wide, halve when the endpoint refuses
 * (429, 5xx), grow back by about one call per window of successes. A burst of refusals halves the window once, as TCP
 * halves once per loss episode: the calls refused together were all started under the window that was too wide, so
 * only the first refusal of a window counts (each call carries the window's generation it started in). The refused call itself waits out the endpoint's
 * Retry-After ({@link LlmCalls}) while holding its slot, so the halved window is what throttles the rest. Each
 * workspace gets a fair share while others wait, so one busy workspace cannot starve another.
 */
final class AdaptiveLimit {
    private final int min;
    private final int max;
    private double limit;
    private long generation;
    private int inFlight;
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();

    AdaptiveLimit(int initial, int min, int max) {
        this.min = Math.max(1, min);
        this.max = Math.max(this.min, max);
        this.limit = Math.max(this.min, Math.min(this.max, initial));
    }

    /**
     * Waits for a turn for this workspace; fair: a workspace over its share waits while another one is waiting.
     * Returns the window's generation, to hand back to {@link #refused} if the endpoint refuses this call.
     */
    long acquire(String team) throws InterruptedException {
        synchronized (this) {
            waiting.merge(team, 1, Integer::sum);
            try {
                while (!mayStart(team)) {
                    wait();
                }
            } finally {
                waiting.merge(team, -1, Integer::sum);
            }
            inFlight++;
            running.merge(team, 1, Integer::sum);
            return generation;
        }
    }

    /** True when a call for this workspace may start now. */
    synchronized boolean mayStart(String team) {
        if (inFlight >= current()) {
            return false;
        }
        long contenders = waiting.entrySet().stream()
                .filter(e -> e.getValue() > 0 || running.getOrDefault(e.getKey(), 0) > 0).count();
        int share = (int) Math.max(1, Math.ceil((double) current() / Math.max(1, contenders)));
        return running.getOrDefault(team, 0) < share;
    }

    /** The call ended; {@code refused} when the endpoint said 429 or 5xx. */
    synchronized void release(String team, boolean refused) {
        inFlight--;
        running.merge(team, -1, Integer::sum);
        // a refused call already halved the window when the refusal happened: it earns no growth
        if (!refused) {
            limit = Math.min(max, limit + 1.0 / limit);
        }
        notifyAll();
    }

    /**
     * The endpoint refused a call started in window {@code startedIn}: halve the window, unless a refusal of the same
     * window already did (the refused call waits out Retry-After itself). Returns the generation the call is now in,
     * for its next attempt.
     */
    synchronized long refused(long startedIn) {
        if (startedIn == generation) {
            limit = Math.max(min, limit / 2);
            generation++;
            notifyAll();
        }
        return generation;
    }

    synchronized int current() {
        return (int) Math.floor(limit);
    }

    synchronized int waiting(String team) {
        return waiting.getOrDefault(team, 0);
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
