package coach.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;

import coach.config.StageCatalog;
import coach.interview.InterviewRepository;
import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.slack.practice.PracticeMrkdwn;
import coach.interview.QuestionBank;
import coach.store.Database;
import coach.testing.MutableClock;
import coach.testing.TestApps;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reminders with a clock the test controls, a real H2 database and a fake Slack. */
class ReminderServiceTest {
    static final Path CONFIG = Path.of("config");
    final Database db = Database.open(TestApps.memoryDb());
    final StageCatalog stages = StageCatalog.load(CONFIG);
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z")); // a Monday
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final FakeSender sender = new FakeSender();
    final InterviewService interviews = new InterviewService(stages, QuestionBank.load(CONFIG, stages),
            new InterviewRepository(db.jdbi()), clock, new java.util.Random(3));
    final PracticeRepository repository = new PracticeRepository(db.jdbi());
    ReminderService reminders = new ReminderService(repository, interviews, stages, sender, metrics, clock);
    final SchedulerClient schedulerClient = mock(SchedulerClient.class);
    final PracticeJobs jobs = new PracticeJobs(reminders, schedulerClient);
    final PracticeService practice;
    final Learner ana = new Learner("T1", "UANA");

    ReminderServiceTest() {
        org.mockito.Mockito.when(schedulerClient.getScheduledExecution(any())).thenReturn(Optional.empty());
        practice = new PracticeService(repository, reminders, jobs, stages, interviews, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Slack as the reminders see it: records sends, or fails the way a test says. */
    static final class FakeSender implements ReminderSender {
        final List<String> sent = new ArrayList<>();
        final AtomicReference<ZoneId> zone = new AtomicReference<>(ZoneId.of("Europe/London"));
        final List<SendFailure> failures = new ArrayList<>();

        @Override
        public Optional<ZoneId> timeZone(Learner who) {
            return Optional.of(zone.get());
        }

        @Override
        public Posted sendDm(Subscription s, InterviewService.Asked asked, int streak, String key) throws SendFailure {
            if (!failures.isEmpty()) throw failures.remove(0);
            sent.add(s.userId() + ":" + asked.stage().id() + ":streak=" + streak);
            return new Posted("D" + s.userId(), "1800000000." + sent.size());
        }

        @Override
        public Posted postInChannel(Subscription s, InterviewService.Asked asked, String key) throws SendFailure {
            if (!failures.isEmpty()) throw failures.remove(0);
            sent.add(s.channelId() + ":" + asked.stage().id());
            return new Posted(s.channelId(), "1800000001." + sent.size());
        }
    }

    long subscribe(String zone, String text) {
        sender.zone.set(ZoneId.of(zone));
        String reply = PracticeMrkdwn.render(practice.handle(ana, "D1", ZoneId.of(zone), text));
        assertThat(reply).contains("First one");
        return repository.current(ana).orElseThrow().id();
    }

    @Test
    void sendsOnceAtNineLocalAndSchedulesTheNextWeekday() {
        long id = subscribe("Europe/London", "daily 09:00 weekdays mix");
        Instant due = Instant.parse("2026-11-23T09:00:00Z");
        clock.set(due);
        Optional<ReminderService.Next> next = reminders.run(id, due);
        assertThat(sender.sent).hasSize(1);
        assertThat(next).map(ReminderService.Next::runAt).contains(Instant.parse("2026-11-24T09:00:00Z"));
        // a revived execution (db-scheduler is at-least-once), or a restart in the middle of the day: no second send
        reminders = new ReminderService(repository, interviews, stages, sender, metrics, clock);
        clock.advance(Duration.ofMinutes(20));
        reminders.run(id, due);
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void kathmanduGetsItAtItsOwnNine() {
        long id = subscribe("Asia/Kathmandu", "daily 09:00 everyday coding");
        Instant due = Instant.parse("2026-11-24T03:15:00Z");
        assertThat(repository.find(id).orElseThrow().zone()).isEqualTo(ZoneId.of("Asia/Kathmandu"));
        clock.set(due.plusSeconds(5));
        assertThat(reminders.run(id, due)).map(ReminderService.Next::runAt).contains(Instant.parse("2026-11-25T03:15:00Z"));
        assertThat(sender.sent).containsExactly("UANA:coding:streak=0");
    }

    @Test
    void moreThanTwoHoursLateIsSkippedNotSentLate() {
        long id = subscribe("America/Los_Angeles", "daily 09:00 weekdays mix");
        Instant due = Instant.parse("2026-11-23T17:00:00Z");
        clock.set(due.plus(Duration.ofHours(2)).plusSeconds(1)); // the app was down
        Optional<ReminderService.Next> next = reminders.run(id, due);
        assertThat(sender.sent).isEmpty();
        assertThat(next).map(ReminderService.Next::runAt).contains(Instant.parse("2026-11-24T17:00:00Z"));
        assertThat(metrics.counter("coach.practice.reminders", "outcome", "skipped_late").count()).isEqualTo(1);
        // within two hours it still goes out
        Instant nextDue = Instant.parse("2026-11-24T17:00:00Z");
        clock.set(nextDue.plus(Duration.ofMinutes(110)));
        reminders.run(id, nextDue);
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void aTravellerGetsItAtTheirNewNine() {
        long id = subscribe("Europe/London", "daily 09:00 everyday mix");
        Instant londonNine = Instant.parse("2026-11-24T09:00:00Z");
        sender.zone.set(ZoneId.of("America/New_York")); // flew to New York
        clock.set(londonNine);
        Optional<ReminderService.Next> next = reminders.run(id, londonNine);
        assertThat(sender.sent).isEmpty();
        Instant newYorkNine = Instant.parse("2026-11-24T14:00:00Z");
        assertThat(next).map(ReminderService.Next::runAt).contains(newYorkNine);
        clock.set(newYorkNine);
        reminders.run(id, newYorkNine);
        assertThat(sender.sent).hasSize(1);
        assertThat(repository.find(id).orElseThrow().zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void rateLimitedRetriesAfterRetryAfterAndUnreachablePauses() {
        long id = subscribe("Europe/London", "daily 09:00 everyday mix");
        Instant due = Instant.parse("2026-11-23T09:00:00Z");
        clock.set(due);
        sender.failures.add(new ReminderSender.SendFailure(ReminderSender.Kind.RATE_LIMITED, "HTTP 429", Duration.ofSeconds(42)));
        Optional<ReminderService.Next> retry = reminders.run(id, due);
        assertThat(retry).contains(new ReminderService.Next(due.plusSeconds(42), due));
        clock.set(due.plusSeconds(42));
        reminders.run(id, due);
        assertThat(sender.sent).hasSize(1);

        Instant tomorrow = due.plus(Duration.ofDays(1));
        clock.set(tomorrow);
        sender.failures.add(new ReminderSender.SendFailure(ReminderSender.Kind.UNREACHABLE, "account_inactive", null));
        assertThat(reminders.run(id, tomorrow)).isEmpty();
        assertThat(repository.find(id).orElseThrow().status()).isEqualTo(Subscription.UNREACHABLE);
        assertThat(PracticeMrkdwn.render(practice.handle(ana, "D1", ZoneId.of("Europe/London"), "status"))).contains("could not deliver");
    }

    @Test
    void otherErrorsRetryWithBackoffThenGiveUpForTheDayLoudly() {
        long id = subscribe("Europe/London", "daily 09:00 everyday mix");
        Instant due = Instant.parse("2026-11-23T09:00:00Z");
        clock.set(due);
        for (int i = 0; i < ReminderService.MAX_ATTEMPTS; i++) {
            sender.failures.add(new ReminderSender.SendFailure(ReminderSender.Kind.TRANSIENT, "HTTP 500", null));
        }
        Optional<ReminderService.Next> next = Optional.empty();
        for (int i = 0; i < ReminderService.MAX_ATTEMPTS; i++) {
            next = reminders.run(id, due);
            assertThat(next).isPresent();
            if (i < ReminderService.MAX_ATTEMPTS - 1) {
                assertThat(next.get().dueAt()).isEqualTo(due);
                assertThat(next.get().runAt()).isAfter(clock.instant());
            }
            clock.set(next.get().runAt().isBefore(due.plus(Duration.ofHours(2))) ? next.get().runAt() : clock.instant());
        }
        assertThat(sender.sent).isEmpty();
        assertThat(next.get().dueAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(metrics.counter("coach.practice.reminders", "outcome", "failed").count()).isEqualTo(1);
    }

    @Test
    void pauseResumeAndStop() {
        long id = subscribe("Europe/London", "daily 09:00 everyday mix");
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(PracticeMrkdwn.render(practice.handle(ana, "D1", london, "pause until 2026-11-26"))).contains("Paused until 2026-11-26");
        Instant due = Instant.parse("2026-11-24T09:00:00Z");
        clock.set(due);
        assertThat(reminders.run(id, due)).map(ReminderService.Next::runAt).contains(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(sender.sent).isEmpty();
        assertThat(PracticeMrkdwn.render(practice.handle(ana, "D1", london, "resume"))).contains("Resumed", "tomorrow at 09:00");
        Instant wednesday = Instant.parse("2026-11-25T09:00:00Z");
        clock.set(wednesday);
        reminders.run(id, wednesday);
        assertThat(sender.sent).hasSize(1);
        assertThat(PracticeMrkdwn.render(practice.handle(ana, "D1", london, "stop"))).contains("Stopped");
        assertThat(reminders.run(id, wednesday.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(PracticeMrkdwn.render(practice.handle(ana, "D1", london, "status"))).contains("no daily practice");
    }

    @Test
    void streaksCountPractisedDaysAndPausedDaysDoNotBreakThem() {
        ZoneId london = ZoneId.of("Europe/London");
        var asked = interviews.ask(ana, stages.get("coding"), "D1").asked();
        for (String day : List.of("2026-11-18", "2026-11-19", "2026-11-22")) {
            clock.set(Instant.parse(day + "T12:00:00Z"));
            interviews.submitAnswer(asked, "answer", "thread", "msg:" + day);
        }
        repository.addPause(ana, java.time.LocalDate.parse("2026-11-20"), java.time.LocalDate.parse("2026-11-22"));
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(reminders.streak(ana, london)).isEqualTo(3); // 18, 19, (20–21 paused), 22; today not over yet
        interviews.submitAnswer(asked, "answer", "thread", "msg:today");
        assertThat(reminders.streak(ana, london)).isEqualTo(4);
        clock.set(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(reminders.streak(ana, london)).isZero(); // missed the 24th
    }

    @Test
    void mixStartsWithStagesNeverPractisedAndSnoozeSchedulesAnExtraReminder() {
        long id = subscribe("Europe/London", "daily 09:00 everyday mix");
        Subscription s = repository.find(id).orElseThrow();
        assertThat(reminders.stageFor(s).id()).isEqualTo("recruiter-screen");
        assertThat(PracticeMrkdwn.render(practice.snooze(ana, id, false))).contains("Snoozed", "today at 09:00");
        var captor = org.mockito.ArgumentCaptor.forClass(com.github.kagkarlsson.scheduler.task.SchedulableInstance.class);
        org.mockito.Mockito.verify(schedulerClient, org.mockito.Mockito.times(2)).scheduleIfNotExists(captor.capture());
        var snooze = captor.getAllValues().get(1);
        assertThat(snooze.getTaskName()).isEqualTo("practice-snooze");
        assertThat(snooze.getNextExecutionTime(clock.instant())).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(PracticeMrkdwn.render(practice.snooze(new Learner("T1", "USOMEONE"), id, false))).contains("not yours");
    }

    @Test
    void channelQuestionOfTheDayIsClaimedByEachMemberWhoAnswers() {
        String reply = PracticeMrkdwn.render(practice.handle(ana, "C77", ZoneId.of("Europe/London"), "channel daily 10:00 system-design"));
        assertThat(reply).contains("question of the day");
        long id = repository.currentForChannel("T1", "C77").orElseThrow().id();
        Instant due = Instant.parse("2026-11-23T10:00:00Z");
        clock.set(due);
        reminders.run(id, due);
        assertThat(sender.sent).containsExactly("C77:system-design");
        var member = practice.claimChannelQuestion(new Learner("T1", "UBOB"), "C77", "1800000001.1");
        assertThat(member).isPresent();
        assertThat(member.get().userId()).isEqualTo("UBOB");
        assertThat(member.get().channelId()).isEqualTo("C77");
        assertThat(member.get().messageTs()).isEqualTo("1800000001.1");
        assertThat(practice.claimChannelQuestion(new Learner("T1", "UBOB"), "C77", "nope")).isEmpty();
    }

    @Test
    void aMixReminderAsksAQuestionDueForReviewFirst() {
        long id = subscribe("Europe/London", "daily 09:00 weekdays mix");
        Instant due = Instant.parse("2026-11-23T09:00:00Z");
        clock.set(due);
        ReviewPicker review = who -> Optional.of(new ReviewPicker.Due("coding", "code-sliding-window-topk"));
        reminders = new ReminderService(repository, interviews, stages, sender, metrics, clock, review, StageScores.NONE);
        reminders.run(id, due);
        assertThat(sender.sent).containsExactly("UANA:coding:streak=0");
        String asked = db.jdbi().withHandle(h -> h.createQuery(
                "select question_id from asked_question where user_id = 'UANA'").mapTo(String.class).one());
        assertThat(asked).isEqualTo("code-sliding-window-topk");
    }
}
