package coach.store;

import static org.assertj.core.api.Assertions.assertThat;

import coach.slack.comp.WatchedChannels;
import coach.slack.EventLog;
import coach.jobs.Jobs;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a failed statement aborts its transaction: a duplicate seen inside a request's transaction (a Slack
 * retry, a channel already watched) must not take the rest of the request, or its job, down with it.
 */
class TransactionsOnPostgresTest {
    static final TaskDescriptor<Long> WORK = TaskDescriptor.of("test-work", Long.class);

    @Test
    void duplicatesInsideATransactionLeaveItUsable() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
             Database db = Database.open(pg.getJdbcUrl("postgres", "postgres"))) {
            EventLog events = new EventLog(db.jdbi(), Clock.systemUTC());
            WatchedChannels watched = new WatchedChannels(db.jdbi(), Clock.systemUTC());
            Jobs jobs = new Jobs(db, List.of(WORK), () -> {});
            assertThat(events.firstDelivery("T1", "Ev1")).isTrue();
            watched.watch("T1", "C1", "U1");
            boolean[] seen = new boolean[2];
            db.inTransaction(h -> {
                seen[0] = events.firstDelivery("T1", "Ev1");
                seen[1] = watched.watch("T1", "C1", "U1");
                events.firstDelivery("T1", "Ev2");
                return jobs.scheduleIfNotExists(WORK.instance("1").data(1L).scheduledTo(Instant.now()));
            });
            assertThat(seen).containsExactly(false, false);
            assertThat(events.firstDelivery("T1", "Ev2")).isFalse(); // committed
            List<String> scheduled = db.jdbi().withHandle(h -> h.createQuery(
                    "select task_instance from scheduled_tasks where task_name = 'test-work'").mapTo(String.class).list());
            assertThat(scheduled).containsExactly("1");
        }
    }
}
