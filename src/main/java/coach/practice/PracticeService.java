package coach.practice;

import coach.config.StageCatalog;
import coach.interview.AskedQuestion;
import coach.interview.InterviewService;
import coach.interview.Learner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** What /practice does: subscribe, status, pause, resume, stop, snooze. Replies are records; the adapter renders them. */
public final class PracticeService {
    private final PracticeRepository repository;
    private final ReminderService reminders;
    private final PracticeJobs jobs;
    private final StageCatalog stages;
    private final InterviewService interviews;
    private final Clock clock;

    public PracticeService(PracticeRepository repository, ReminderService reminders, PracticeJobs jobs,
                           StageCatalog stages, InterviewService interviews, Clock clock) {
        this.interviews = interviews;
        this.repository = repository;
        this.reminders = reminders;
        this.jobs = jobs;
        this.stages = stages;
        this.clock = clock;
    }

    /**
     * @param zone      the user's zone from their Slack profile (or UTC when it is not known)
     * @param channelId where the command was typed (for a channel question of the day)
     */
    public PracticeReply handle(Learner who, String channelId, ZoneId zone, String text) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        PracticeCommand command = PracticeCommand.parse(text, stages, today);
        if (command instanceof PracticeCommand.Invalid invalid) return new PracticeReply.Invalid(invalid.message());
        if (command instanceof PracticeCommand.Subscribe sub) return subscribe(who, channelId, zone, sub);
        if (command instanceof PracticeCommand.Status) return status(who, zone);
        if (command instanceof PracticeCommand.Pause pause) return pause(who, today, pause.until());
        if (command instanceof PracticeCommand.Resume) return resume(who, zone);
        if (command instanceof PracticeCommand.Stop) return stop(who);
        return new PracticeReply.Help();
    }

    private PracticeReply subscribe(Learner who, String channelId, ZoneId zone, PracticeCommand.Subscribe sub) {
        Instant now = clock.instant();
        if (sub.channel()) {
            if (channelId == null || channelId.startsWith("D")) {
                return new PracticeReply.NeedsChannel();
            }
            repository.currentForChannel(who.teamId(), channelId).ifPresent(old -> stopOne(old.id()));
        } else {
            repository.current(who).ifPresent(old -> stopOne(old.id()));
        }
        long id = repository.insert(who.teamId(), who.userId(), sub.channel() ? Subscription.CHANNEL : Subscription.DM,
                sub.channel() ? channelId : null, sub.time(), sub.days(), sub.stage(), zone, now);
        Subscription s = repository.find(id).orElseThrow();
        Instant first = Schedule.nextAfter(s, zone, now);
        jobs.schedule(id, first);
        return new PracticeReply.Subscribed(PracticeReply.Plan.of(s), when(first, zone));
    }

    private PracticeReply status(Learner who, ZoneId zone) {
        Optional<Subscription> s = repository.current(who);
        int streak = reminders.streak(who, zone);
        if (s.isEmpty()) {
            return new PracticeReply.Status(Optional.empty(), new PracticeReply.State.None(), streak);
        }
        Subscription sub = s.get();
        PracticeReply.State state = switch (sub.status()) {
            case Subscription.PAUSED -> new PracticeReply.State.PausedUntil(sub.pausedUntil());
            case Subscription.UNREACHABLE -> new PracticeReply.State.Unreachable();
            default -> new PracticeReply.State.Next(when(Schedule.nextAfter(sub, zone, clock.instant()), zone));
        };
        return new PracticeReply.Status(Optional.of(PracticeReply.Plan.of(sub)), state, streak);
    }

    private PracticeReply pause(Learner who, LocalDate today, LocalDate until) {
        Optional<Subscription> s = repository.current(who);
        if (s.isEmpty()) {
            return new PracticeReply.NothingToChange(PracticeReply.Change.PAUSE);
        }
        repository.setStatus(s.get().id(), Subscription.PAUSED, until);
        repository.addPause(who, today, until);
        Subscription paused = repository.find(s.get().id()).orElseThrow();
        jobs.schedule(paused.id(), Schedule.nextAfter(paused, paused.zone(), clock.instant()));
        return new PracticeReply.Paused(until);
    }

    private PracticeReply resume(Learner who, ZoneId zone) {
        Optional<Subscription> s = repository.current(who);
        if (s.isEmpty()) {
            return new PracticeReply.NothingToChange(PracticeReply.Change.RESUME);
        }
        repository.setStatus(s.get().id(), Subscription.ACTIVE, null);
        repository.endPauses(who, LocalDate.now(clock.withZone(zone)));
        Subscription active = repository.find(s.get().id()).orElseThrow();
        Instant next = Schedule.nextAfter(active, zone, clock.instant());
        jobs.schedule(active.id(), next);
        return new PracticeReply.Resumed(when(next, zone));
    }

    private PracticeReply stop(Learner who) {
        Optional<Subscription> s = repository.current(who);
        if (s.isEmpty()) {
            return new PracticeReply.NothingToChange(PracticeReply.Change.STOP);
        }
        stopOne(s.get().id());
        return new PracticeReply.Stopped();
    }

    private void stopOne(long id) {
        repository.setStatus(id, Subscription.STOPPED, null);
        jobs.cancel(id);
    }

    /** Snooze from a reminder's button: an extra reminder later (1 hour), or tomorrow at the usual time. */
    public PracticeReply snooze(Learner who, long subscriptionId, boolean tomorrow) {
        Optional<Subscription> s = repository.find(subscriptionId).filter(x -> x.teamId().equals(who.teamId()) && x.userId().equals(who.userId()));
        if (s.isEmpty()) {
            return new PracticeReply.NotYours();
        }
        ZoneId zone = s.get().zone();
        Instant at;
        if (tomorrow) {
            LocalDate next = LocalDate.now(clock.withZone(zone)).plusDays(1);
            Instant regular = Schedule.nextAfter(s.get(), zone, clock.instant());
            if (Schedule.localDate(regular, zone).equals(next)) {
                return new PracticeReply.Snoozed(Optional.empty(), s.get().time());
            }
            at = next.atTime(s.get().time()).atZone(zone).toInstant();
        } else {
            at = clock.instant().plus(Duration.ofHours(1));
        }
        jobs.snooze(subscriptionId, at);
        return new PracticeReply.Snoozed(Optional.of(when(at, zone)), s.get().time());
    }

    /**
     * A member's reply in the thread of a channel's question of the day: the question becomes theirs too, so their
     * answer is graded (and the report sent to them privately) like any other.
     */
    public Optional<AskedQuestion> claimChannelQuestion(Learner who, String channelId, String messageTs) {
        return repository.channelPost(who.teamId(), channelId, messageTs)
                .flatMap(post -> stages.find(post.stageId())
                        .map(stage -> interviews.askPosted(who, stage, post.questionId(), post.prompt(), channelId, messageTs)));
    }

    private PracticeReply.Moment when(Instant at, ZoneId zone) {
        return new PracticeReply.Moment(at, zone, LocalDate.now(clock.withZone(zone)));
    }
}
