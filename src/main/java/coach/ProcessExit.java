package coach;

import coach.grading.SemanticMatcher;
import java.time.Duration;
import java.util.List;
import sun.misc.Signal;

/**
 * Ends the process without crashing it. ONNX Runtime frees its native environment in a shutdown hook that runs
 * alongside every other hook, so the JVM must not start shutting down while the embedding model is loading or
 * embedding. Exits therefore go through here: native work is stopped first, then the JVM exits. SIGTERM and SIGINT
 * are routed here too, replacing the JVM's default handlers, which would start the shutdown at once.
 */
final class ProcessExit {
    private static final Duration NATIVE_WAIT = Duration.ofSeconds(30);
    private final SemanticMatcher semantic;
    private volatile Runnable stopService;

    ProcessExit(SemanticMatcher semantic) {
        this.semantic = semantic;
    }

    /**
     * Routes SIGTERM and SIGINT through {@link #exit}: with the shell's usual codes (143, 130), or, once
     * {@link #stopServiceOnSignal} was called, after stopping the service in order, with 0.
     */
    void handleSignals() {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), s -> onSignal(128 + s.getNumber()));
            } catch (IllegalArgumentException e) {
                // the signal is not available here (or the JVM reserves it): keep the JVM's own handling
            }
        }
    }

    /**
     * A service asked to stop is not failing: on SIGTERM or SIGINT, {@code stop} runs first (stop taking requests,
     * let those in flight finish, stop the scheduler, close the database), then the process exits with 0.
     */
    void stopServiceOnSignal(Runnable stop) {
        this.stopService = stop;
    }

    private void onSignal(int shellCode) {
        Runnable stop = stopService;
        if (stop == null) {
            exit(shellCode);
            return;
        }
        try {
            stop.run();
        } finally {
            exit(0);
        }
    }

    void exit(int code) {
        semantic.stopNativeWork(NATIVE_WAIT);
        System.exit(code);
    }
}
