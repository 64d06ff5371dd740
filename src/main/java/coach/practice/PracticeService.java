package coach.practice;

import coach.config.StageCatalog;
import coach.interview.AskedQuestion;
import coach.interview.InterviewService;
import coach.interview.Learner;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What /practice does: subscribe, status, pause, resume, stop, snooze. Replies are Slack mrkdwn without user text. */
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

    public static String help() {
        return "*Daily practice*\n"
                + "• `/practice daily 09:00 weekdays mix`: a question in a DM every weekday at 09:00 *your* time "
                + "(`mix` favours your weakest stage; or name a stage, e.g. `system-design`; days: `everyday`, `weekdays`, `mon,wed,fri`; time: `09:00` or `9am`)\n"
                + "• `/practice status` · `/practice pause until 2026-12-01` or `pause 7d` · `/practice resume` · `/practice stop`\n"
                + "• `/practice channel daily 10:00 system-design`: a question of the day in this channel; members answer in its thread and get their grade privately\n"
                + "Reminders follow the time zone in your Slack profile, also when you travel. Answer in the reminder's thread or with its *Answer* button.";
    }

    /**
     * @param zone      the user's zone from their Slack profile (or UTC when it is not known)
     * @param channelId where the command was typed (for a channel question of the day)
     */
    public String handle(Learner who, String channelId, ZoneId zone, String text) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        PracticeCommand command = PracticeCommand.parse(text, stages, today);
        if (command instanceof PracticeCommand.Invalid invalid) return invalid.message();
        if (command instanceof PracticeCommand.Subscribe sub) return subscribe(who, channelId, zone, sub);
        if (command instanceof PracticeCommand.Status) return status(who, zone);
        if (command instanceof PracticeCommand.Pause pause) return pause(who, today, pause.until());
        if (command instanceof PracticeCommand.Resume) return resume(who, zone);
        if (command instanceof PracticeCommand.Stop) return stop(who);
        return help();
    }

    private String subscribe(Learner who, String channelId, ZoneId zone, PracticeCommand.Subscribe sub) {
        Instant now = clock.instant();
        if (sub.channel()) {
            if (channelId == null || channelId.startsWith("D")) {
                return "A channel question of the day needs a channel: run this command in the channel.";
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
        String what = sub.channel() ? "A question of the day in this channel" : "A practice question in a DM";
        return what + " " + describe(s) + ". First one: " + when(first, zone) + ".";
    }

    private String status(Learner who, ZoneId zone) {
        Optional<Subscription> s = repository.current(who);
        int streak = reminders.streak(who, zone);
        String streakText = "Streak: *" + streak + (streak == 1 ? " day*" : " days*") + ".";
        if (s.isEmpty()) {
            return "You have no daily practice set up. " + streakText + "\nStart with `/practice daily 09:00 weekdays mix`.";
        }
        Subscription sub = s.get();
        String state = switch (sub.status()) {
            case Subscription.PAUSED -> "Paused until " + sub.pausedUntil() + " (`/practice resume` to resume now).";
            case Subscription.UNREACHABLE -> "Stopped: Slack could not deliver to you. `/practice resume` to try again.";
            default -> "Next: " + when(Schedule.nextAfter(sub, zone, clock.instant()), zone) + ".";
        };
        return "Daily practice " + describe(sub) + ". " + state + " " + streakText;
    }

    private String pause(Learner who, LocalDate today, LocalDate until) {
        Optional<Subscription> s = repository.current(who);
        if (s.isEmpty()) {
            return "There is nothing to pause: no daily practice is set up. Start with `/practice daily 09:00 weekdays mix`.";
        }
        repository.setStatus(s.get().id(), Subscription.PAUSED, until);
        repository.addPause(who, today, until);
        Subscription paused = repository.find(s.get().id()).orElseThrow();
        jobs.schedule(paused.id(), Schedule.nextAfter(paused, paused.zone(), clock.instant()));
        return "Paused until " + until + ": no reminders before then, and your streak is kept. `/practice resume` resumes earlier.";
    }

    private String resume(Learner who, ZoneId zone) {
        Optional<Subscription> s = repository.current(who);
        if (s.isEmpty()) {
            return "There is nothing to resume. Start with `/practice daily 09:00 weekdays mix`.";
        }
        repository.setStatus(s.get().id(), Subscription.ACTIVE, null);
        repository.endPauses(who, LocalDate.now(clock.withZone(zone)));
        Subscription active = repository.find(s.get().id()).orElseThrow();
        Instant next = Schedule.nextAfter(active, zone, clock.instant());
        jobs.schedule(active.id(), next);
        return "Resumed. Next reminder: " + when(next, zone) + ".";
    }

    private String stop(Learner who) {
        Optional<Subscription> s = repository.current(who);
        if (s.isEmpty()) {
            return "No daily practice is set up, so there is nothing to stop.";
        }
        stopOne(s.get().id());
        return "Stopped. No more reminders. Your answers and grades are kept; `/practice daily 09:00 weekdays mix` starts again.";
    }

    private void stopOne(long id) {
        repository.setStatus(id, Subscription.STOPPED, null);
        jobs.cancel(id);
    }

    /** Snooze from a reminder's button: an extra reminder later (1 hour), or tomorrow at the usual time. */
    public String snooze(Learner who, long subscriptionId, boolean tomorrow) {
        Optional<Subscription> s = repository.find(subscriptionId).filter(x -> x.teamId().equals(who.teamId()) && x.userId().equals(who.userId()));
        if (s.isEmpty()) {
            return "That reminder is not yours to snooze.";
        }
        ZoneId zone = s.get().zone();
        Instant at;
        if (tomorrow) {
            LocalDate next = LocalDate.now(clock.withZone(zone)).plusDays(1);
            Instant regular = Schedule.nextAfter(s.get(), zone, clock.instant());
            if (Schedule.localDate(regular, zone).equals(next)) {
                return "Snoozed: your next reminder comes tomorrow at " + s.get().time() + " anyway.";
            }
            at = next.atTime(s.get().time()).atZone(zone).toInstant();
        } else {
            at = clock.instant().plus(Duration.ofHours(1));
        }
        jobs.snooze(subscriptionId, at);
        return "Snoozed: I'll send another question " + when(at, zone) + ".";
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

    private static String describe(Subscription s) {
        return "at " + s.time() + " " + days(s.days()) + " (" + s.zone().getId() + "), "
                + (s.stage().equals(PracticeCommand.MIX) ? "mixed stages, weakest first" : "stage `" + s.stage() + "`");
    }

    static String days(Set<DayOfWeek> days) {
        if (days.size() == 7) return "every day";
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) return "on weekdays";
        return "on " + days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "));
    }

    private String when(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String day = local.toLocalDate().equals(today) ? "today" : local.toLocalDate().equals(today.plusDays(1)) ? "tomorrow"
                : local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + local.toLocalDate();
        return day + " at " + local.toLocalTime().withSecond(0).withNano(0);
    }
}
