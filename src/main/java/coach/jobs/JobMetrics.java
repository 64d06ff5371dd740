package coach.jobs;

import coach.store.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;

/**
 * The job queue's depth, per task: executions that are due and wait for a scheduler thread
 * ({@code coach_jobs_queued{task}}), and executions a scheduler is running ({@code coach_jobs_running{task}}). Read
 * from db-scheduler's table at each scrape, so every instance reports the whole cluster's queue.
 */
public final class JobMetrics {
    private JobMetrics() {}

    public static void register(MeterRegistry metrics, Database database, Collection<String> taskNames, Clock clock) {
        for (String task : taskNames) {
            Gauge.builder("coach.jobs.queued", () -> count(database,
                            "select count(*) from scheduled_tasks where task_name = :t and picked = false and execution_time <= :now",
                            task, clock))
                    .description("executions due and waiting for a scheduler thread").tag("task", task).register(metrics);
            Gauge.builder("coach.jobs.running", () -> count(database,
                            "select count(*) from scheduled_tasks where task_name = :t and picked = true", task, clock))
                    .description("executions a scheduler has picked and is running").tag("task", task).register(metrics);
        }
    }

    private static double count(Database database, String sql, String task, Clock clock) {
        try {
            return database.jdbi().withHandle(h -> h.createQuery(sql).bind("t", task).bind("now", clock.instant())
                    .mapTo(Long.class).one());
        } catch (RuntimeException e) {
            return Double.NaN; // the database is down: /health says so
        }
    }
}
