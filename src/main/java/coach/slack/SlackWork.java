package coach.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that follows an ack (database writes, Web API calls). Listeners hand it here and return the ack at once,
 * so Slack always hears back within 3 seconds whatever the database or the Web API are doing.
 */
public final class SlackWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackWork.class);
    private final ThreadPoolExecutor pool;

    public SlackWork(int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "slack-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the task after the ack; returns false if the queue is full (the caller tells the user to retry). */
    public boolean submit(String what, ThrowingRunnable task) {
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    log.warn("{} failed: {}", what, e.toString().replaceAll("xox[a-z]-[\\w-]+", "xox?-***"));
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            log.warn("{} rejected: work queue full", what);
            return false;
        }
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
