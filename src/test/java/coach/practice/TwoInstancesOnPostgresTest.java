package coach.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.config.StageCatalog;
import coach.interview.InterviewRepository;
import coach.jobs.Jobs;
import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.interview.QuestionBank;
import coach.store.Database;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two app instances (two db-schedulers) on one real PostgreSQL deliver 200 due reminders: each exactly once.
 */
class TwoInstancesOnPostgresTest {
    static final int REMINDERS = 200;

    /** Counts sends per subscription, from both instances. */
    static final class CountingSender implements ReminderSender {
        final Map<Long, AtomicInteger> sends = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();
        final String instance;
        final CountingSender shared;

        CountingSender(String instance, CountingSender shared) {
            this.instance = instance;
            this.shared = shared == null ? this : shared;
        }

        @Override
        public Optional<ZoneId> timeZone(Learner who) {
            return Optional.of(ZoneOffset.UTC);
        }

        @Override
        public Posted sendDm(Subscription s, InterviewService.Asked asked, int streak, String key) {
            shared.sends.computeIfAbsent(s.id(), k -> new AtomicInteger()).incrementAndGet();
            shared.byInstance.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
            return new Posted("D" + s.userId(), "1800000000." + s.id());
        }

        @Override
        public Posted postInChannel(Subscription s, InterviewService.Asked asked, String key) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void everyReminderIsDeliveredExactlyOnce() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
             Database db = Database.open(pg.getJdbcUrl("postgres", "postgres"))) {
            StageCatalog stages = StageCatalog.load(Path.of("config"));
            QuestionBank bank = QuestionBank.load(Path.of("config"), stages);
            Clock clock = Clock.systemUTC();
            PracticeRepository repository = new PracticeRepository(db.jdbi());
            InterviewService interviews = new InterviewService(stages, bank, new InterviewRepository(db.jdbi()), clock, new java.util.Random(5));

            Instant due = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            LocalTime time = LocalTime.ofInstant(due, ZoneOffset.UTC);
            CountingSender counts = new CountingSender("a", null);
            List<Scheduler> schedulers = new java.util.ArrayList<>();
            PracticeJobs first = null;
            for (String name : List.of("a", "b")) {
                ReminderSender sender = name.equals("a") ? counts : new CountingSender(name, counts);
                ReminderService reminders = new ReminderService(repository, interviews, stages, sender, new SimpleMeterRegistry(), clock);
                // the client knows the kinds of job; this instance's scheduler runs them
                PracticeJobs jobs = new PracticeJobs(reminders,
                        new Jobs(db, List.of(PracticeJobs.REMINDER, PracticeJobs.SNOOZE), () -> {}).client());
                Scheduler scheduler = Scheduler.create(db.dataSource(), List.of(jobs.reminderTask(), jobs.snoozeTask()))
                        .schedulerName(new SchedulerName.Fixed("instance-" + name))
                        .threads(4)
                        .pollingInterval(Duration.ofMillis(200))
                        .build();
                schedulers.add(scheduler);
                if (first == null) first = jobs;
            }
            for (int i = 0; i < REMINDERS; i++) {
                long id = repository.insert("T1", "U" + i, Subscription.DM, null, time, EnumSet.allOf(DayOfWeek.class),
                        "coding", ZoneOffset.UTC, clock.instant());
                first.schedule(id, due);
            }
            schedulers.forEach(Scheduler::start);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> counts.sends.size() == REMINDERS);
                // give both instances time to (wrongly) send anything twice
                await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            } finally {
                schedulers.forEach(Scheduler::stop);
            }
            assertThat(counts.sends).hasSize(REMINDERS);
            assertThat(counts.sends.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            int delivered = db.jdbi().withHandle(h -> h.createQuery("select count(*) from practice_delivery where status = 'sent'")
                    .mapTo(Integer.class).one());
            assertThat(delivered).isEqualTo(REMINDERS);
            // every subscription is rescheduled for tomorrow, once
            int next = db.jdbi().withHandle(h -> h.createQuery("select count(*) from scheduled_tasks where task_name = 'practice-reminder'")
                    .mapTo(Integer.class).one());
            assertThat(next).isEqualTo(REMINDERS);
            System.out.println("reminders sent per instance: " + counts.byInstance);
        }
    }
}
