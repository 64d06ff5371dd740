package coach.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that follows an ack (database writes, Web API calls). Listeners hand it here and return the ack at once, so
 * Slack always hears back within 3 seconds whatever the database or the Web API are doing. Work is spread over
 * single-threaded lanes by user: one person's answers are stored in the order they were sent (so their reports come
 * back in that order), while different people are served in parallel.
 */
public final class SlackWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackWork.class);
    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();

    public SlackWork(int lanes, int queuePerLane) {
        for (int i = 0; i < lanes; i++) {
            String name = "slack-work-" + (i + 1);
            this.lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queuePerLane), r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /**
     * Runs the task after the ack, after any earlier task with the same key (a user); returns false if that lane's
     * queue is full, so the caller can tell the user to try again.
     */
    public boolean submit(String key, String what, ThrowingRunnable task) {
        ThreadPoolExecutor lane = lanes.get(Math.floorMod(key == null ? 0 : key.hashCode(), lanes.size()));
        try {
            lane.execute(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    // the class and Slack's error code only: messages of database errors can carry bound values
                    // (answer text), and logs never hold answer text or tokens
                    log.warn("{} failed: {}{}", what, e.getClass().getSimpleName(),
                            e instanceof SlackPoster.SlackCallException s ? " (" + s.error() + ")" : "");
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
        lanes.forEach(ThreadPoolExecutor::shutdown);
        for (ThreadPoolExecutor lane : lanes) {
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
