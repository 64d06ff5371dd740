package coach.slack.comp;

import coach.comp.CompReply;

/** Renders a comp reply as Slack mrkdwn: *strong*, _emphasis_, `code`, • bullets, numbered steps. */
public final class CompMrkdwn {
    private CompMrkdwn() {}

    public static String render(CompReply reply) {
        return reply.render(s -> switch (s.style()) {
            case PLAIN -> s.text();
            case STRONG -> "*" + s.text() + "*";
            case EMPHASIS -> "_" + s.text() + "_";
            case CODE -> "`" + s.text() + "`";
        });
    }
}
