package coach.comp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A reply as data, rendered by the adapters (Slack mrkdwn in coach.slack.comp, plain text in coach.console). It never
 * holds the user's own text.
 *
 * @param lines    what to show, in order: text, bullets and numbered steps made of styled spans (the sources and
 *                 caveat lines included); an offer check has one bullet per component
 * @param sources  the seed documents the figures come from, as "title (date)"
 * @param caveats  the caveats the reply states
 * @param grounded true when the reply gives figures from comp.yaml and every figure in it is one of them, stated
 *                 arithmetic on them, or a number of the user's own offer; false for help and "not understood"
 */
public record CompReply(List<Line> lines, List<String> sources, List<String> caveats, boolean grounded) {
    public CompReply {
        lines = List.copyOf(lines);
        sources = List.copyOf(sources);
        caveats = List.copyOf(caveats);
    }

    public enum Style { PLAIN, STRONG, EMPHASIS, CODE }

    public enum Kind { TEXT, BULLET, STEP }

    public record Span(Style style, String text) {}

    /** A line; consecutive {@link Kind#STEP} lines are numbered from 1. */
    public record Line(Kind kind, List<Span> spans) {
        public Line {
            spans = List.copyOf(spans);
        }
    }

    /** The words without styling, one line each, bullets and numbers written out: what the LLM and the check see. */
    public String facts() {
        return render(Span::text);
    }

    /** The lines with bullets and step numbers written out; each span written by {@code span} (an adapter's style). */
    public String render(Function<Span, String> span) {
        StringBuilder sb = new StringBuilder();
        int step = 0;
        for (Line l : lines) {
            step = l.kind() == Kind.STEP ? step + 1 : 0;
            sb.append(sb.isEmpty() ? "" : "\n").append(l.kind() == Kind.BULLET ? "• " : step > 0 ? step + ". " : "");
            l.spans().forEach(s -> sb.append(span.apply(s)));
        }
        return sb.toString();
    }

    static Span strong(String t) { return new Span(Style.STRONG, t); }
    static Span em(String t) { return new Span(Style.EMPHASIS, t); }
    static Span code(String t) { return new Span(Style.CODE, t); }

    /** A line of parts: a String is plain text, a Span keeps its style. */
    static Line line(Kind kind, Object... parts) {
        List<Span> spans = new ArrayList<>();
        for (Object p : parts) {
            spans.add(p instanceof Span s ? s : new Span(Style.PLAIN, String.valueOf(p)));
        }
        return new Line(kind, spans);
    }

    static Line sourcesLine(List<String> cites) {
        return line(Kind.TEXT, em("Source" + (cites.size() > 1 ? "s" : "") + ": " + String.join("; ", cites) + "."));
    }

    /** Collects lines, sources and caveats; the sources and caveat lines go last. One per reply. */
    static final class Builder {
        private final CompData data;
        private final List<Line> lines = new ArrayList<>();
        private final Set<String> sourceIds = new LinkedHashSet<>();
        private final Set<String> caveats = new LinkedHashSet<>();

        Builder(CompData data) { this.data = data; }
        Builder text(Object... parts) { lines.add(line(Kind.TEXT, parts)); return this; }
        Builder bullet(Object... parts) { lines.add(line(Kind.BULLET, parts)); return this; }
        Builder step(Object... parts) { lines.add(line(Kind.STEP, parts)); return this; }
        Builder add(List<Line> more) { lines.addAll(more); return this; }
        Builder source(String id) { sourceIds.add(id); return this; }
        Builder caveat(String c) { caveats.add(c); return this; }
        boolean hasSources() { return !sourceIds.isEmpty(); }

        CompReply build(boolean grounded, Line... after) {
            List<String> cites = sourceIds.stream().map(data::cite).toList();
            List<Line> all = new ArrayList<>(lines);
            if (!cites.isEmpty()) {
                all.add(sourcesLine(cites));
            }
            if (!caveats.isEmpty()) {
                all.add(line(Kind.TEXT, em("Caveat: " + String.join("; ", caveats) + ".")));
            }
            all.addAll(List.of(after));
            return new CompReply(all, cites, List.copyOf(caveats), grounded);
        }
    }
}
