package coach.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coach.store.Database;
import coach.testing.TestApps;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row and the job that carries on from it are stored in one commit, or not at all. */
class JobsTest {
    static final TaskDescriptor<Long> WORK = TaskDescriptor.of("test-work", Long.class);

    @Test
    void aJobScheduledInATransactionCommitsAndRollsBackWithIt() {
        try (Database db = Database.open(TestApps.memoryDb())) {
            Jobs jobs = new Jobs(db, List.of(WORK), () -> {});
            db.inTransaction(h -> {
                h.createUpdate("insert into processed_event (team_id, event_id, received_at) values ('T1', 'kept', :now)")
                        .bind("now", Instant.now()).execute();
                return jobs.scheduleIfNotExists(WORK.instance("1").data(1L).scheduledTo(Instant.now()));
            });
            assertThatThrownBy(() -> db.inTransaction(h -> {
                h.createUpdate("insert into processed_event (team_id, event_id, received_at) values ('T1', 'lost', :now)")
                        .bind("now", Instant.now()).execute();
                jobs.scheduleIfNotExists(WORK.instance("2").data(2L).scheduledTo(Instant.now()));
                throw new IllegalStateException("crash before the ack");
            })).isInstanceOf(IllegalStateException.class);

            List<String> events = db.jdbi().withHandle(h -> h.createQuery("select event_id from processed_event")
                    .mapTo(String.class).list());
            List<String> scheduled = db.jdbi().withHandle(h -> h.createQuery(
                    "select task_instance from scheduled_tasks where task_name = 'test-work'").mapTo(String.class).list());
            assertThat(events).containsExactly("kept");
            assertThat(scheduled).containsExactly("1");
        }
    }

    @Test
    void anH2FileDatabaseWritesWhatNobodyAwaitsWithinATenthOfASecond() {
        assertThat(Database.durable("jdbc:h2:file:./data/coach;MODE=PostgreSQL;WRITE_DELAY=500"))
                .isEqualTo("jdbc:h2:file:./data/coach;MODE=PostgreSQL;WRITE_DELAY=100");
        assertThat(Database.durable("jdbc:postgresql://db/coach")).isEqualTo("jdbc:postgresql://db/coach");
    }

    @Test
    void anH2UrlWithoutThePostgresCompatibilitySettingsGetsThemAndOneWithThemIsKept() {
        assertThat(Database.compatible("jdbc:h2:file:/srv/coach"))
                .isEqualTo("jdbc:h2:file:/srv/coach;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(Database.compatible("jdbc:h2:file:./data/coach;mode=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"))
                .isEqualTo("jdbc:h2:file:./data/coach;mode=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(Database.compatible("jdbc:postgresql://db/coach")).isEqualTo("jdbc:postgresql://db/coach");
        // and such a database opens: the migrations run on it
        String url = "jdbc:h2:mem:plain" + System.nanoTime();
        try (Database db = Database.open(url)) {
            assertThat(db.isHealthy()).isTrue();
        }
    }
}
