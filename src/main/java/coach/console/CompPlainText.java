package coach.console;

import coach.comp.CompReply;

/** Renders a comp reply for the terminal: the words without styling, • bullets and numbered steps. */
final class CompPlainText {
    private CompPlainText() {}

    static String render(CompReply reply) {
        StringBuilder sb = new StringBuilder();
        int step = 0;
        for (CompReply.Line l : reply.lines()) {
            step = l.kind() == CompReply.Kind.STEP ? step + 1 : 0;
            sb.append(sb.isEmpty() ? "" : "\n").append(switch (l.kind()) {
                case TEXT -> "";
                case BULLET -> "• ";
                case STEP -> step + ". ";
            }).append(l.words());
        }
        return sb.toString();
    }
}
