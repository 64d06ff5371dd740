package coach.slack;

/** Block Kit limits the views stay within (Slack rejects larger payloads). */
public final class SlackLimits {
    public static final int SECTION_TEXT = 3000;
    public static final int HEADER_TEXT = 150;
    public static final int BUTTON_TEXT = 75;
    public static final int CONTEXT_TEXT = 2000;
    public static final int MODAL_TITLE = 24;
    public static final int TEXT_INPUT_MAX = 3000;
    public static final int BLOCKS_PER_MESSAGE = 50;
    public static final int FALLBACK_TEXT = 3000;

    private SlackLimits() {}
}
