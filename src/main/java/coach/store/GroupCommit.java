package coach.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for an H2 file. H2 keeps committed transactions in memory and writes them to the file in chunks;
 * writing one chunk per commit (WRITE_DELAY=0) made every commit rewrite the changed B-tree pages under the store's
 * one lock, a third of the app's CPU at load. Instead, whoever must know that its commits are on disk (before an ack,
 * before a post to Slack) calls {@link #await}: one caller writes a chunk with {@code CHECKPOINT} for everybody who
 * arrived meanwhile, the others wait for that write. A chunk written after a commit returned holds that commit.
 */
final class GroupCommit implements AutoCloseable {
    /** Writes what is committed to the file. */
    @FunctionalInterface
    interface Write {
        void run() throws SQLException;
    }

    private final Write write;
    private final AutoCloseable resources;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Writes started and finished; a write covers every commit that returned before it started. */
    private long started;
    private long finished;
    private boolean writing;

    GroupCommit(Write write, AutoCloseable resources) {
        this.write = write;
        this.resources = resources;
    }

    /** Writes with H2's {@code CHECKPOINT} on a connection of its own (not the pool's), used by one writer at a time. */
    static GroupCommit checkpointing(Connection connection) {
        return new GroupCommit(() -> {
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT");
            }
        }, connection);
    }

    /** Returns once everything committed before the call is written to the file. */
    void await() {
        lock.lock();
        try {
            // a write already running may have started before the caller's commit: only the next one counts
            long needed = started + 1;
            while (finished < needed) {
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                long mine = ++started;
                lock.unlock();
                boolean ok = false;
                try {
                    write.run();
                    ok = true;
                } catch (SQLException e) {
                    throw new IllegalStateException("could not write committed data to the database file", e);
                } finally {
                    lock.lock();
                    writing = false;
                    if (ok) finished = mine;
                    written.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes started so far (for tests: how many callers shared a write). */
    long writes() {
        lock.lock();
        try {
            return started;
        } finally {
            lock.unlock();
        }
    }

    /** Callers waiting for a write (for tests). */
    int waiting() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(written);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
