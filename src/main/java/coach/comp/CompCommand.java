package coach.comp;

import java.util.Locale;

/**
 * The /comp grammar, parsed once here and used by both adapters (Slack and the console), so every form works in
 * both. Parsing never throws; anything that is not a keyword is a question, which the answerer always answers
 * (with "not understood" and examples when it must).
 */
public sealed interface CompCommand {
    /** `/comp`, `/comp help`, `/comp ?`. */
    record Help() implements CompCommand {}

    /** `/comp watch`, `/comp unwatch`: a channel opts in to (or out of) answers for every comp question. */
    record Watch(boolean on) implements CompCommand {}

    /** `/comp offer <offer>`: an offer check. */
    record Offer(String offer) implements CompCommand {}

    /** Anything else: a question (one carrying offer amounts gets an offer check). */
    record Ask(String question) implements CompCommand {}

    static CompCommand parse(String text) {
        String t = text == null ? "" : text.strip();
        String[] words = t.split("\\s+", 2);
        String rest = words.length > 1 ? words[1] : "";
        return switch (words[0].toLowerCase(Locale.ROOT)) {
            case "", "help", "?" -> new Help();
            case "watch" -> new Watch(true);
            case "unwatch" -> new Watch(false);
            case "offer" -> new Offer(rest);
            default -> new Ask(t);
        };
    }
}
