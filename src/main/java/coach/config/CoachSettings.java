package coach.config;

import java.nio.file.Path;

/**
 * Operational limits from {@code config/coach.yaml}: how hard the app may lean on the LLM, and for whom; how fast
 * work held by a dead instance is taken over.
 */
public record CoachSettings(Grading grading, Jobs jobs) {

    /** Recovery within 30 seconds is promised (README): these bounds keep every valid setting inside it. */
    static final int MAX_DEAD_AFTER_SECONDS = 30;

    /**
     * @param maxConcurrentLlmCalls   LLM gradings in flight at once at most; the rest wait their turn (never dropped)
     * @param initialConcurrentLlmCalls where the adaptive window starts (halved on 429/5xx, grown back slowly);
     *                                optional: the maximum (start wide; the first refusals narrow it)
     * @param dailyLlmGradingsPerUser after this many LLM gradings in a day (UTC) a user's answers are graded offline
     * @param reportOrderWaitSeconds  how long a report waits for an earlier answer's report, so reports arrive in
     *                                order; a later answer is never held back longer than this by a stuck one
     */
    public record Grading(Integer maxConcurrentLlmCalls, Integer dailyLlmGradingsPerUser, Integer reportOrderWaitSeconds,
                          Integer initialConcurrentLlmCalls) {
        public int initialLlmCalls() {
            return initialConcurrentLlmCalls == null ? maxConcurrentLlmCalls : initialConcurrentLlmCalls;
        }
    }

    /**
     * @param heartbeatSeconds  how often an instance marks the jobs it runs as alive
     * @param missedHeartbeats  after this many missed heartbeats the instance is taken for dead and its jobs run again
     */
    public record Jobs(Integer heartbeatSeconds, Integer missedHeartbeats) {
        public static final Jobs DEFAULT = new Jobs(5, 4);
    }

    public static CoachSettings load(Path configDir) {
        Path path = configDir.resolve("coach.yaml");
        CoachSettings s = YamlFiles.read(path, CoachSettings.class);
        if (s.grading() == null) {
            throw new ConfigException(path, "grading", "is required");
        }
        positive(path, "grading.max_concurrent_llm_calls", s.grading().maxConcurrentLlmCalls(), 256);
        if (s.grading().initialConcurrentLlmCalls() != null) {
            positive(path, "grading.initial_concurrent_llm_calls", s.grading().initialConcurrentLlmCalls(),
                    s.grading().maxConcurrentLlmCalls());
        }
        positive(path, "grading.daily_llm_gradings_per_user", s.grading().dailyLlmGradingsPerUser(), 100_000);
        positive(path, "grading.report_order_wait_seconds", s.grading().reportOrderWaitSeconds(), MAX_DEAD_AFTER_SECONDS);
        Jobs jobs = s.jobs() == null ? Jobs.DEFAULT : s.jobs();
        positive(path, "jobs.heartbeat_seconds", jobs.heartbeatSeconds(), MAX_DEAD_AFTER_SECONDS / 2);
        positive(path, "jobs.missed_heartbeats", jobs.missedHeartbeats(), 10);
        // db-scheduler itself requires at least 4 missed heartbeats
        if (jobs.missedHeartbeats() < 4 || jobs.heartbeatSeconds() * jobs.missedHeartbeats() > MAX_DEAD_AFTER_SECONDS) {
            throw new ConfigException(path, "jobs", "heartbeat_seconds × missed_heartbeats must be at most "
                    + MAX_DEAD_AFTER_SECONDS + " s, with at least 4 missed heartbeats (now " + jobs.heartbeatSeconds()
                    + " × " + jobs.missedHeartbeats() + ")");
        }
        return new CoachSettings(s.grading(), jobs);
    }

    private static void positive(Path path, String field, Integer value, int max) {
        if (value == null || value < 1 || value > max) {
            throw new ConfigException(path, field, "must be a whole number from 1 to " + max + (value == null ? " (missing)" : ", not " + value));
        }
    }
}
