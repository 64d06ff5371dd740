package coach.practice;

import coach.config.StageCatalog;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a {@code /practice} command asks for, parsed without touching Slack or the database. */
public sealed interface PracticeCommand {
    record Help() implements PracticeCommand {}
    record Status() implements PracticeCommand {}
    record Resume() implements PracticeCommand {}
    record Stop() implements PracticeCommand {}
    record Pause(LocalDate until) implements PracticeCommand {}
    /** {@code stage} is a stage id or {@link #MIX}. */
    record Subscribe(boolean channel, LocalTime time, Set<DayOfWeek> days, String stage) implements PracticeCommand {}
    record Invalid(String message) implements PracticeCommand {}

    String MIX = "mix";
    String EXAMPLE = "`/practice daily 09:00 weekdays mix` (or `9am`, `everyday`, `mon,wed,fri`, a stage such as `system-design`)";

    Map<String, DayOfWeek> DAY_NAMES = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY));

    static PracticeCommand parse(String text, StageCatalog stages, LocalDate today) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<String> words = t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
        if (words.isEmpty() || words.get(0).equals("help")) {
            return new Help();
        }
        return switch (words.get(0)) {
            case "status" -> new Status();
            case "resume" -> new Resume();
            case "stop", "unsubscribe" -> new Stop();
            case "pause" -> pause(words.subList(1, words.size()), today);
            case "daily" -> subscribe(false, words.subList(1, words.size()), stages);
            case "channel" -> words.size() > 1 && words.get(1).equals("daily")
                    ? subscribe(true, words.subList(2, words.size()), stages)
                    : new Invalid("For a channel question of the day: `/practice channel daily 10:00 system-design`.");
            default -> new Invalid("I don't know `" + words.get(0).replaceAll("[^a-z0-9:-]", "") + "`. Try " + EXAMPLE
                    + ", `/practice status`, `pause 7d`, `resume` or `stop`.");
        };
    }

    private static PracticeCommand pause(List<String> args, LocalDate today) {
        String example = "Try `/practice pause until 2026-12-01` or `/practice pause 7d`.";
        if (args.isEmpty()) {
            return new Invalid("Pause until when? " + example);
        }
        LocalDate until;
        Matcher relative = Pattern.compile("(\\d{1,3})\\s*(d|days?|w|weeks?)").matcher(String.join("", args));
        if (relative.matches()) {
            int n = Integer.parseInt(relative.group(1));
            until = relative.group(2).startsWith("w") ? today.plusWeeks(n) : today.plusDays(n);
        } else {
            String date = args.get(0).equals("until") && args.size() > 1 ? args.get(1) : args.get(0);
            try {
                until = LocalDate.parse(date);
            } catch (RuntimeException e) {
                return new Invalid("I couldn't read the date `" + date.replaceAll("[^0-9a-z-]", "") + "`. " + example);
            }
        }
        if (!until.isAfter(today)) {
            return new Invalid("That date is not in the future (today is " + today + "). " + example);
        }
        if (until.isAfter(today.plusYears(1))) {
            return new Invalid("Pauses can last up to a year. " + example);
        }
        return new Pause(until);
    }

    private static PracticeCommand subscribe(boolean channel, List<String> args, StageCatalog stages) {
        if (args.isEmpty()) {
            return new Invalid("At what time? For example " + EXAMPLE + ".");
        }
        LocalTime time = time(args.get(0));
        if (time == null) {
            return new Invalid("`" + args.get(0).replaceAll("[^0-9a-z:]", "") + "` is not a time of day. Use 24-hour `09:00` or `9am`/`9:30pm`. For example " + EXAMPLE + ".");
        }
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        String stage = channel ? null : MIX;
        for (String word : args.subList(1, args.size())) {
            Set<DayOfWeek> parsedDays = days(word);
            if (parsedDays != null) {
                days = parsedDays;
            } else if (word.equals(MIX) && !channel) {
                stage = MIX;
            } else if (stages.find(word).isPresent()) {
                stage = stages.find(word).get().id();
            } else {
                return new Invalid("I don't know `" + word.replaceAll("[^0-9a-z,:-]", "") + "`: use `weekdays`, `everyday`, days like `mon,wed,fri`, "
                        + (channel ? "" : "`mix` ") + "or a stage (" + String.join(", ", stages.all().stream().map(s -> "`" + s.id() + "`").toList()) + ").");
            }
        }
        if (stage == null) {
            return new Invalid("Which stage for the channel? For example `/practice channel daily 10:00 system-design`.");
        }
        return new Subscribe(channel, time, days, stage);
    }

    /** "09:00", "9:00", "9am", "9:30pm", "21:00" → a time; anything else (25:00, 9:75) → null. */
    static LocalTime time(String word) {
        Matcher m = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm)?").matcher(word);
        if (!m.matches() || (m.group(2) == null && m.group(3) == null)) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (hour < 1 || hour > 12) return null;
            hour = hour % 12 + (m.group(3).equals("pm") ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    /** "weekdays", "weekends", "everyday"/"daily", "mon,wed,fri" → days; anything else → null. */
    static Set<DayOfWeek> days(String word) {
        switch (word) {
            case "weekdays": return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            case "weekends": return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            case "everyday", "daily", "every-day": return EnumSet.allOf(DayOfWeek.class);
            default:
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : word.split(",")) {
            String key = part.length() >= 3 ? part.substring(0, 3) : part;
            DayOfWeek d = DAY_NAMES.get(key);
            if (d == null) {
                return null;
            }
            days.add(d);
        }
        return days.isEmpty() ? null : days;
    }
}
