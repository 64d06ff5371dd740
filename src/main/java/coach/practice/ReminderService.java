package coach.practice;

import coach.config.Stage;
import coach.config.StageCatalog;
import coach.interview.AskedQuestion;
import coach.interview.InterviewService;
import coach.interview.Learner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends practice reminders: once per subscription and local day, at the person's local time (their zone is read
 * again before each send, so a traveller gets it at their new 09:00), never more than two hours late (after
 * downtime a late reminder is skipped, logged and counted), retried with backoff on Slack errors, and paused when
 * Slack says the person cannot be reached. Knows nothing of Slack or of the scheduler: it says when to run next.
 */
public final class ReminderService {
    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);
    static final Duration LATE_LIMIT = Duration.ofHours(2);
    static final int MAX_ATTEMPTS = 5;

    private final PracticeRepository repository;
    private final InterviewService interviews;
    private final StageCatalog stages;
    private final ReminderSender sender;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ReviewPicker reviews;
    private final StageScores scores;

    public ReminderService(PracticeRepository repository, InterviewService interviews, StageCatalog stages,
                           ReminderSender sender, MeterRegistry metrics, Clock clock) {
        this(repository, interviews, stages, sender, metrics, clock, ReviewPicker.NONE, StageScores.NONE);
    }

    /**
     * @param reviews for "mix" reminders: a question due for review is asked before a new one
     * @param scores  for "mix" reminders: the learner's average per stage (grading's), to pick the weakest stage
     */
    public ReminderService(PracticeRepository repository, InterviewService interviews, StageCatalog stages,
                           ReminderSender sender, MeterRegistry metrics, Clock clock, ReviewPicker reviews,
                           StageScores scores) {
        this.reviews = reviews;
        this.scores = scores;
        this.repository = repository;
        this.interviews = interviews;
        this.stages = stages;
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** When to run a subscription next, and the due time that run is for (kept across retries for the late rule). */
    public record Next(Instant runAt, Instant dueAt) {}

    /** Runs the reminder due at {@code dueAt}; empty means the subscription needs no further runs. */
    public Optional<Next> run(long subscriptionId, Instant dueAt) {
        Optional<Subscription> found = repository.find(subscriptionId);
        if (found.isEmpty() || found.get().status().equals(Subscription.STOPPED)
                || found.get().status().equals(Subscription.UNREACHABLE)) {
            return Optional.empty();
        }
        Subscription s = found.get();
        Instant now = clock.instant();
        ZoneId zone;
        try {
            zone = refreshZone(s);
        } catch (ReminderSender.SendFailure f) {
            return failed(s, null, dueAt, f);
        }
        if (s.status().equals(Subscription.PAUSED)) {
            if (s.pausedUntil() == null || s.pausedUntil().isAfter(now.atZone(zone).toLocalDate())) {
                return next(s, zone, now);
            }
            repository.setStatus(s.id(), Subscription.ACTIVE, null); // the pause is over
            s = repository.find(s.id()).orElseThrow();
        }
        if (!isDueMoment(s, zone, dueAt)) {
            // the person moved to another zone (or the schedule changed): their local time is elsewhere now
            return next(s, zone, now.minusSeconds(1));
        }
        if (now.isAfter(dueAt.plus(LATE_LIMIT))) {
            log.warn("practice reminder {} skipped: {} late (more than {}h)", s.id(), Duration.between(dueAt, now), LATE_LIMIT.toHours());
            metrics.counter("coach.practice.reminders", "outcome", "skipped_late").increment();
            return next(s, zone, now);
        }
        PracticeRepository.Delivery delivery = repository.deliveryFor(s, Schedule.localDate(dueAt, zone), now);
        boolean open = delivery.status().equals("pending") || delivery.status().equals("sending");
        if (!open || !repository.claim(delivery.id(), now)) {
            return next(s, zone, now); // already sent, given up, or being sent by another instance
        }
        try {
            AskedQuestion asked = send(s, zone, "reminder:" + delivery.id());
            repository.finish(delivery.id(), "sent", asked.id(), clock.instant());
            metrics.counter("coach.practice.reminders", "outcome", "sent").increment();
            return next(s, zone, now);
        } catch (ReminderSender.SendFailure f) {
            return failed(s, delivery, dueAt, f);
        }
    }

    /**
     * A one-off extra reminder (snooze): not tied to a day, so not de-duplicated by date, but sent once per snooze
     * ({@code snoozeKey}) however often its job runs.
     */
    public void runSnooze(long subscriptionId, String snoozeKey) throws ReminderSender.SendFailure {
        Optional<Subscription> s = repository.find(subscriptionId).filter(x -> x.status().equals(Subscription.ACTIVE));
        if (s.isPresent()) {
            send(s.get(), refreshZone(s.get()), "snooze:" + snoozeKey);
            metrics.counter("coach.practice.reminders", "outcome", "snoozed_sent").increment();
        }
    }

    /** A DM reminder set to "mix" asks a question due for review first (same request key: asked once per send). */
    private Optional<InterviewService.Asked> dueReview(Subscription s, String key) {
        if (s.isChannel() || !PracticeCommand.MIX.equals(s.stage())) {
            return Optional.empty();
        }
        return reviews.due(s.learner()).flatMap(d -> interviews.askAgain(s.learner(), d.stageId(), d.questionId(),
                s.channelId(), key));
    }

    /** Every attempt with one key asks the same question and posts it at most once. */
    private AskedQuestion send(Subscription s, ZoneId zone, String key) throws ReminderSender.SendFailure {
        InterviewService.Asked asked = dueReview(s, key)
                .orElseGet(() -> interviews.ask(s.learner(), stageFor(s), s.channelId(), key));
        Stage stage = asked.stage();
        if (s.isChannel()) {
            ReminderSender.Posted posted = sender.postInChannel(s, asked, key);
            interviews.attachMessage(asked.asked(), posted.channelId(), posted.ts());
            repository.insertChannelPost(new PracticeRepository.ChannelPost(s.teamId(), posted.channelId(), posted.ts(),
                    s.id(), stage.id(), asked.question().id(), asked.asked().prompt()), s.userId());
        } else {
            int streak = streak(s.learner(), zone);
            ReminderSender.Posted posted = sender.sendDm(s, asked, streak, key);
            interviews.attachMessage(asked.asked(), posted.channelId(), posted.ts());
        }
        return asked.asked();
    }

    private Optional<Next> failed(Subscription s, PracticeRepository.Delivery delivery, Instant dueAt,
                                  ReminderSender.SendFailure f) {
        Instant now = clock.instant();
        switch (f.kind()) {
            case UNREACHABLE -> {
                log.warn("practice reminder {}: Slack cannot reach the user or channel ({}); subscription paused", s.id(), f.getMessage());
                if (delivery != null) repository.finish(delivery.id(), "failed", null, now);
                repository.setStatus(s.id(), Subscription.UNREACHABLE, null);
                metrics.counter("coach.practice.reminders", "outcome", "unreachable").increment();
                return Optional.empty();
            }
            case RATE_LIMITED -> {
                if (delivery != null) repository.release(delivery.id());
                Duration wait = f.retryAfter() == null ? Duration.ofSeconds(30) : f.retryAfter();
                return Optional.of(new Next(now.plus(wait), dueAt));
            }
            default -> {
                int attempts = delivery == null ? 0 : repository.delivery(s.id(), Schedule.localDate(dueAt, s.zone()))
                        .map(PracticeRepository.Delivery::attempts).orElse(0);
                if (attempts >= MAX_ATTEMPTS) {
                    log.error("practice reminder {} failed {} times ({}); giving up for this day", s.id(), attempts, f.getMessage());
                    repository.finish(delivery.id(), "failed", null, now);
                    metrics.counter("coach.practice.reminders", "outcome", "failed").increment();
                    return next(s, s.zone(), now);
                }
                if (delivery != null) repository.release(delivery.id());
                Duration backoff = Duration.ofMinutes(1L << Math.min(attempts, 5));
                log.info("practice reminder {} failed ({}); retrying in {}", s.id(), f.getMessage(), backoff);
                return Optional.of(new Next(now.plus(backoff), dueAt));
            }
        }
    }

    private ZoneId refreshZone(Subscription s) throws ReminderSender.SendFailure {
        Optional<ZoneId> current;
        try {
            current = sender.timeZone(s.learner());
        } catch (ReminderSender.SendFailure f) {
            if (f.kind() == ReminderSender.Kind.UNREACHABLE) throw f;
            return s.zone(); // the profile could not be read now: the last known zone will do
        }
        if (current.isPresent() && !current.get().equals(s.zone())) {
            repository.setZone(s.id(), current.get());
            return current.get();
        }
        return s.zone();
    }

    private static boolean isDueMoment(Subscription s, ZoneId zone, Instant dueAt) {
        return Schedule.nextAfter(s, zone, dueAt.minusSeconds(1)).equals(dueAt);
    }

    private static Optional<Next> next(Subscription s, ZoneId zone, Instant after) {
        Instant at = Schedule.nextAfter(s, zone, after);
        return Optional.of(new Next(at, at));
    }

    /**
     * The subscribed stage, or for "mix": stages never practised first (in turn), then the weakest by average score,
     * with every third reminder on the next weakest so practice does not stall on one stage.
     */
    Stage stageFor(Subscription s) {
        if (!s.stage().equals(PracticeCommand.MIX)) {
            return stages.get(s.stage());
        }
        Map<String, Double> averages = scores.averageByStage(s.learner());
        int sent = repository.countSent(s.id());
        var unpractised = stages.all().stream().filter(st -> !averages.containsKey(st.id())).toList();
        if (!unpractised.isEmpty()) {
            return unpractised.get(sent % unpractised.size());
        }
        var ranked = stages.all().stream()
                .sorted(Comparator.comparingDouble((Stage st) -> averages.get(st.id())).thenComparing(Stage::order))
                .toList();
        return ranked.get(sent % 3 == 2 && ranked.size() > 1 ? 1 : 0);
    }

    public int streak(Learner who, ZoneId zone) {
        return Streaks.current(answerTimes(who), repository.pauses(who), zone, LocalDate.now(clock.withZone(zone)));
    }

    /** When the learner answered anything (mock, reminder, channel question): what a streak counts. */
    private java.util.List<Instant> answerTimes(Learner who) {
        return interviews.answerStamps(who).stream().map(coach.interview.AnswerStamp::answeredAt).toList();
    }
}
