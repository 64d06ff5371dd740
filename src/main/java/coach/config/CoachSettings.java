package coach.config;

import java.nio.file.Path;

/** Operational limits from {@code config/coach.yaml}: how hard the app may lean on the LLM, and for whom. */
public record CoachSettings(Grading grading) {

    /**
     * @param maxConcurrentLlmCalls   LLM gradings in flight at once; the rest wait their turn (never dropped)
     * @param dailyLlmGradingsPerUser after this many LLM gradings in a day (UTC) a user's answers are graded offline
     * @param reportOrderWaitMinutes  how long a report waits for an earlier answer's report, so reports arrive in order
     */
    public record Grading(Integer maxConcurrentLlmCalls, Integer dailyLlmGradingsPerUser, Integer reportOrderWaitMinutes) {}

    public static CoachSettings load(Path configDir) {
        Path path = configDir.resolve("coach.yaml");
        CoachSettings s = YamlFiles.read(path, CoachSettings.class);
        if (s.grading() == null) {
            throw new ConfigException(path, "grading", "is required");
        }
        positive(path, "grading.max_concurrent_llm_calls", s.grading().maxConcurrentLlmCalls(), 64);
        positive(path, "grading.daily_llm_gradings_per_user", s.grading().dailyLlmGradingsPerUser(), 100_000);
        positive(path, "grading.report_order_wait_minutes", s.grading().reportOrderWaitMinutes(), 24 * 60);
        return s;
    }

    private static void positive(Path path, String field, Integer value, int max) {
        if (value == null || value < 1 || value > max) {
            throw new ConfigException(path, field, "must be a whole number from 1 to " + max + (value == null ? " (missing)" : ", not " + value));
        }
    }
}
