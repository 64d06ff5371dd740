package coach.slack;

import coach.comp.CompReply;

/** Renders a comp reply as Slack mrkdwn: *strong*, _emphasis_, `code`, • bullets, numbered steps. */
public final class CompMrkdwn {
    private CompMrkdwn() {}

    public static String render(CompReply reply) {
        StringBuilder sb = new StringBuilder();
        int step = 0;
        for (CompReply.Line l : reply.lines()) {
            step = l.kind() == CompReply.Kind.STEP ? step + 1 : 0;
            sb.append(sb.isEmpty() ? "" : "\n").append(switch (l.kind()) {
                case TEXT -> "";
                case BULLET -> "• ";
                case STEP -> step + ". ";
            });
            for (CompReply.Span s : l.spans()) {
                sb.append(switch (s.style()) {
                    case PLAIN -> s.text();
                    case STRONG -> "*" + s.text() + "*";
                    case EMPHASIS -> "_" + s.text() + "_";
                    case CODE -> "`" + s.text() + "`";
                });
            }
        }
        return sb.toString();
    }
}
