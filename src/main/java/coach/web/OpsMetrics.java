package coach.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.List;
import java.util.function.IntSupplier;

/** Process-level meters on /metrics: the JVM's memory, GC, threads, CPU and uptime, and the installations served. */
public final class OpsMetrics {
    private OpsMetrics() {}

    /** Binds the JVM meters; returns what must be closed when the app stops (GC listeners). */
    public static AutoCloseable bindJvm(MeterRegistry metrics) {
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ClassLoaderMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(metrics);
        return gc;
    }

    /** {@code coach_installations}: workspaces the app serves (1 with a single bot token). */
    public static void installations(MeterRegistry metrics, IntSupplier count) {
        Gauge.builder("coach.installations", count::getAsInt).description("Slack workspaces this app is installed in")
                .register(metrics);
    }

    /** Counters that exist from the start, at 0, so a dashboard sees the series before the first event. */
    public static void zeroCounters(MeterRegistry metrics, String name, String tag, List<String> values) {
        values.forEach(v -> metrics.counter(name, tag, v));
    }
}
