package coach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @Test
    void callersArrivingWhileAWriteRunsShareTheNextWrite() throws Exception {
        CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (writes.incrementAndGet() == 1) await(firstWriteMayEnd);
        }, () -> {});
        ExecutorService pool = Executors.newFixedThreadPool(11);
        try {
            Future<?> first = pool.submit(group::await);
            waitUntil(() -> writes.get() == 1);
            List<Future<?>> later = new ArrayList<>();
            for (int i = 0; i < 10; i++) later.add(pool.submit(group::await));
            // the first write may have started before their commits: all ten wait for the next one
            waitUntil(() -> group.waiting() == 10);
            firstWriteMayEnd.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : later) f.get(10, TimeUnit.SECONDS);
            assertThat(writes.get()).isEqualTo(2);
            assertThat(group.writes()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedWriteIsReportedAndTheNextCallerWritesAgain() {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (calls.incrementAndGet() == 1) throw new SQLException("disk full");
        }, () -> {});
        assertThatThrownBy(group::await).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not write committed data");
        group.await();
        assertThat(calls.get()).isEqualTo(2);
    }

    /** A copy of the file taken right after awaitDurable is what a kill -9 at that moment would leave behind. */
    @Test
    void aCommitIsInTheFileOnceAwaitDurableReturns(@TempDir Path dir) throws Exception {
        String settings = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String url = "jdbc:h2:file:" + dir.resolve("coach") + settings;
        try (Database db = Database.open(url)) {
            for (int i = 0; i < 20; i++) {
                String id = "row-" + i;
                db.jdbi().useHandle(h -> h.execute("insert into processed_event (team_id, event_id, received_at) values ('T1', ?, current_timestamp)", id));
                db.awaitDurable();
                Path copy = dir.resolve("copy-" + i + ".mv.db");
                Files.copy(dir.resolve("coach.mv.db"), copy);
                try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("copy-" + i) + settings);
                     ResultSet rs = c.createStatement().executeQuery("select count(*) from processed_event where event_id = '" + id + "'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("row %d in the copy", i).isEqualTo(1);
                }
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) Thread.sleep(10);
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
