package coach.config;

import java.util.List;

/** One stage of the interview loop, as the seed guide describes it. Boxed so a missing field is reported by name. */
public record Stage(
        String id,
        String name,
        Integer order,
        List<String> aliases,
        String format,
        Integer durationMinutes,
        String focus,
        Boolean behavioural,
        Integer minAnswerWords) {
}
