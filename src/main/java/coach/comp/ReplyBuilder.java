package coach.comp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds a mrkdwn reply with its sources and a one-line caveat at the end. Not thread-safe: one per reply. */
final class ReplyBuilder {
    private final CompData data;
    private final StringBuilder text = new StringBuilder();
    private final Set<String> sourceIds = new LinkedHashSet<>();
    private final Set<String> caveats = new LinkedHashSet<>();

    ReplyBuilder(CompData data) {
        this.data = data;
    }

    ReplyBuilder line(String s) {
        text.append(s).append('\n');
        return this;
    }

    ReplyBuilder bullet(String s) {
        text.append("• ").append(s).append('\n');
        return this;
    }

    ReplyBuilder source(String id) {
        sourceIds.add(id);
        return this;
    }

    ReplyBuilder caveat(String c) {
        caveats.add(c);
        return this;
    }

    boolean hasSources() {
        return !sourceIds.isEmpty();
    }

    List<String> sources() {
        List<String> out = new ArrayList<>();
        sourceIds.forEach(id -> out.add(data.cite(id)));
        return out;
    }

    CompReply build(boolean grounded) {
        StringBuilder sb = new StringBuilder(text);
        List<String> cites = sources();
        if (!cites.isEmpty()) {
            sb.append("_Source").append(cites.size() > 1 ? "s" : "").append(": ")
                    .append(String.join("; ", cites)).append("._\n");
        }
        if (!caveats.isEmpty()) {
            sb.append("_Caveat: ").append(String.join("; ", caveats)).append("._\n");
        }
        return new CompReply(sb.toString().stripTrailing(), cites, grounded);
    }
}
