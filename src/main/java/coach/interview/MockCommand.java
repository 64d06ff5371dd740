package coach.interview;

import coach.config.Stage;
import coach.config.StageCatalog;
import java.util.Locale;
import java.util.Optional;

/**
 * The /mock grammar, parsed once here and used by both adapters (Slack and the console), so every form works in
 * both and unknown input gets the same answer everywhere. Parsing never throws: anything unrecognised is
 * {@link Unknown}, with the closest stage to suggest.
 */
public sealed interface MockCommand {
    /** `/mock`: the stage picker. */
    record Pick() implements MockCommand {}

    /** `/mock help`, `/mock ?`. */
    record Help() implements MockCommand {}

    /** `/mock rubric <stage>`; empty when no or an unknown stage was given. */
    record Rubric(Optional<Stage> stage) implements MockCommand {}

    /** `/mock done` (or finish, end): the session summary. */
    record Done() implements MockCommand {}

    /** `/mock <stage or alias>`: a question for that stage. */
    record Start(Stage stage) implements MockCommand {}

    /** `/mock retry`: answer the last question again. */
    record Retry() implements MockCommand {}

    /** `/mock stats` (or progress). */
    record Stats() implements MockCommand {}

    /** `/mock review`: the oldest question due for review. */
    record Review() implements MockCommand {}

    /** `/mock export`: the history as CSV. */
    record Export() implements MockCommand {}

    /** `/mock forget-me`: delete everything about the learner, after confirmation. */
    record ForgetMe() implements MockCommand {}

    /** `/mock team [join|leave]`: a channel's opt-in team view; {@code action} is "", "join", "leave" or anything else. */
    record Team(String action) implements MockCommand {}

    /** Anything else: what was typed, and the stage it most resembles. */
    record Unknown(String typed, Stage closest) implements MockCommand {}

    static MockCommand parse(String text, StageCatalog stages) {
        String trimmed = text == null ? "" : text.strip();
        String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        String first = words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
        String second = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
        return switch (first) {
            case "" -> new Pick();
            case "help", "?" -> new Help();
            case "rubric" -> new Rubric(second.isEmpty() ? Optional.empty() : stages.find(second));
            case "done", "finish", "end" -> new Done();
            case "retry", "again" -> new Retry();
            case "stats", "progress" -> new Stats();
            case "review" -> new Review();
            case "export" -> new Export();
            case "forget-me", "forgetme" -> new ForgetMe();
            case "team" -> new Team(second);
            default -> stages.find(first).<MockCommand>map(Start::new)
                    .orElseGet(() -> new Unknown(trimmed, stages.closest(first)));
        };
    }
}
