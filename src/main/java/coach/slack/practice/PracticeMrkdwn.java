package coach.slack.practice;

import coach.practice.PracticeReply;
import coach.practice.PracticeReply.Moment;
import coach.practice.PracticeReply.Plan;
import coach.practice.PracticeReply.State;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** /practice's replies in Slack mrkdwn (they quote no user text: the grammar already reduced what it echoes). */
public final class PracticeMrkdwn {
    private static final String START = "`/practice daily 09:00 weekdays mix`";

    private PracticeMrkdwn() {}

    public static String help() {
        return "*Daily practice*\n"
                + "• `/practice daily 09:00 weekdays mix`: a question in a DM every weekday at 09:00 *your* time "
                + "(`mix` favours your weakest stage; or name a stage, e.g. `system-design`; days: `everyday`, `weekdays`, `mon,wed,fri`; time: `09:00` or `9am`)\n"
                + "• `/practice status` · `/practice pause until 2026-12-01` or `pause 7d` · `/practice resume` · `/practice stop`\n"
                + "• `/practice channel daily 10:00 system-design`: a question of the day in this channel; members answer in its thread and get their grade privately\n"
                + "Reminders follow the time zone in your Slack profile, also when you travel. Answer in the reminder's thread or with its *Answer* button.";
    }

    public static String render(PracticeReply reply) {
        if (reply instanceof PracticeReply.Invalid i) return i.message();
        if (reply instanceof PracticeReply.NeedsChannel) {
            return "A channel question of the day needs a channel: run this command in the channel.";
        }
        if (reply instanceof PracticeReply.Subscribed s) {
            return (s.plan().channel() ? "A question of the day in this channel" : "A practice question in a DM")
                    + " " + describe(s.plan()) + ". First one: " + when(s.first()) + ".";
        }
        if (reply instanceof PracticeReply.Status s) return status(s);
        if (reply instanceof PracticeReply.Paused p) {
            return "Paused until " + p.until() + ": no reminders before then, and your streak is kept. "
                    + "`/practice resume` resumes earlier.";
        }
        if (reply instanceof PracticeReply.Resumed r) return "Resumed. Next reminder: " + when(r.next()) + ".";
        if (reply instanceof PracticeReply.Stopped) {
            return "Stopped. No more reminders. Your answers and grades are kept; " + START + " starts again.";
        }
        if (reply instanceof PracticeReply.NothingToChange n) {
            return switch (n.change()) {
                case PAUSE -> "There is nothing to pause: no daily practice is set up. Start with " + START + ".";
                case RESUME -> "There is nothing to resume. Start with " + START + ".";
                case STOP -> "No daily practice is set up, so there is nothing to stop.";
            };
        }
        if (reply instanceof PracticeReply.Snoozed s) {
            return s.at().isPresent()
                    ? "Snoozed: I'll send another question " + when(s.at().get()) + "."
                    : "Snoozed: your next reminder comes tomorrow at " + s.regularTime() + " anyway.";
        }
        if (reply instanceof PracticeReply.NotYours) return "That reminder is not yours to snooze.";
        return help();
    }

    private static String status(PracticeReply.Status s) {
        String streak = "Streak: *" + s.streak() + (s.streak() == 1 ? " day*" : " days*") + ".";
        if (s.plan().isEmpty()) {
            return "You have no daily practice set up. " + streak + "\nStart with " + START + ".";
        }
        String state;
        if (s.state() instanceof State.PausedUntil p) {
            state = "Paused until " + p.until() + " (`/practice resume` to resume now).";
        } else if (s.state() instanceof State.Unreachable) {
            state = "Stopped: Slack could not deliver to you. `/practice resume` to try again.";
        } else {
            state = "Next: " + when(((State.Next) s.state()).at()) + ".";
        }
        return "Daily practice " + describe(s.plan().get()) + ". " + state + " " + streak;
    }

    private static String describe(Plan p) {
        return "at " + p.time() + " " + days(p.days()) + " (" + p.zone().getId() + "), "
                + (p.mix() ? "mixed stages, weakest first" : "stage `" + p.stage() + "`");
    }

    static String days(Set<DayOfWeek> days) {
        if (days.size() == 7) return "every day";
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) return "on weekdays";
        return "on " + days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "));
    }

    /** "today at 09:00", "tomorrow at 09:00", "Monday 2026-11-30 at 09:00", in the user's zone. */
    static String when(Moment m) {
        var local = m.at().atZone(m.zone());
        LocalDate date = local.toLocalDate();
        String day = date.equals(m.today()) ? "today" : date.equals(m.today().plusDays(1)) ? "tomorrow"
                : local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date;
        return day + " at " + local.toLocalTime().withSecond(0).withNano(0);
    }
}
