package coach.slack;

/**
 * Escapes text for Slack mrkdwn. Slack turns {@code <!channel>}, {@code <!here>} and {@code <@U123>} into mentions;
 * escaping {@code & < >} makes them plain text, and a zero-width space after the @ keeps a bare "@channel" from
 * notifying anyone. Everything the bot echoes from user text goes through here.
 */
public final class Mrkdwn {
    private static final String ZWSP = "\u200B";

    private Mrkdwn() {}

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("(?i)@(channel|here|everyone)\\b", "@" + ZWSP + "$1");
    }

    /** Escaped, and cut to {@code max} characters (Block Kit limits), marking the cut. */
    public static String escape(String text, int max) {
        return truncate(escape(text), max);
    }

    public static String truncate(String text, int max) {
        if (text == null) return "";
        if (text.length() <= max) return text;
        String cut = text.substring(0, Math.max(0, max - 1));
        int amp = cut.lastIndexOf('&');
        if (amp >= 0 && cut.indexOf(';', amp) < 0) {
            cut = cut.substring(0, amp); // never split an entity such as &lt;
        }
        return cut + "…";
    }

    /** A quote block: every line prefixed so multi-line text stays inside the quote. */
    public static String quote(String escaped) {
        return "> " + escaped.replace("\n", "\n> ");
    }
}
