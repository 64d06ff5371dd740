package coach.slack;

/** Block Kit limits the views stay within (Slack rejects larger payloads). */
final class SlackLimits {
    static final int SECTION_TEXT = 3000;
    static final int HEADER_TEXT = 150;
    static final int BUTTON_TEXT = 75;
    static final int CONTEXT_TEXT = 2000;
    static final int MODAL_TITLE = 24;
    static final int TEXT_INPUT_MAX = 3000;
    static final int BLOCKS_PER_MESSAGE = 50;
    static final int FALLBACK_TEXT = 3000;

    private SlackLimits() {}
}
