package coach.grading;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far the LLM's and the offline grader's overall scores are apart, per LLM-graded answer: both publish the same
 * bands, so a wide gap means one of them misreads the answer. Logged (ids and scores only, never the answer) above 40.
 * <p>
 * The offline grade is only for this comparison, so it is worked out on one background thread after the LLM's grade
 * is stored: the learner's report never waits for it, and under a burst it takes at most one core. When the burst
 * outruns that thread the comparisons beyond its queue are skipped (counted), never the grading.
 */
public final class GraderComparison implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GraderComparison.class);
    private static final int WARNING_POINTS = 40;
    private static final int QUEUE = 1_000;
    private final Grader offline;
    private final MeterRegistry metrics;
    private final Executor lane;
    private final ThreadPoolExecutor owned;

    private GraderComparison(Grader offline, MeterRegistry metrics, Executor lane, ThreadPoolExecutor owned) {
        this.offline = offline;
        this.metrics = metrics;
        this.lane = lane;
        this.owned = owned;
    }

    /** Compares on a background thread of its own. */
    public static GraderComparison inBackground(Grader offline, MeterRegistry metrics) {
        ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "grader-comparison");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }, (r, pool) -> metrics.counter("coach.grader.comparisons.skipped").increment());
        return new GraderComparison(offline, metrics, thread, thread);
    }

    /** Compares before returning (tests). */
    public static GraderComparison inline(Grader offline, MeterRegistry metrics) {
        return new GraderComparison(offline, metrics, Runnable::run, null);
    }

    /** Records the gap between {@code llm} and the offline grade of the same request. */
    public void compare(Grade llm, GradingRequest request, String stageId) {
        lane.execute(() -> {
            try {
                record(llm.overall(), offline.grade(request).overall(), stageId);
            } catch (RuntimeException e) {
                log.warn("offline comparison of a {} answer failed: {}", stageId, e.getClass().getSimpleName());
            }
        });
    }

    private void record(int llmScore, int offlineScore, String stageId) {
        int gap = Math.abs(llmScore - offlineScore);
        DistributionSummary.builder("coach.grader.disagreement").baseUnit("points")
                .description("absolute difference between the LLM and offline overall scores of one answer")
                .serviceLevelObjectives(5, 10, 20, 40).register(metrics).record(gap);
        if (gap > WARNING_POINTS) {
            log.warn("graders disagree by {} points on a {} answer (LLM {}, offline {})", gap, stageId, llmScore, offlineScore);
        }
    }

    @Override
    public void close() {
        if (owned != null) owned.shutdownNow();
    }
}
