package coach.comp;

import java.util.List;

/**
 * A reply to post, in Slack mrkdwn ({@code *bold*}, {@code •} bullets). It never contains the user's own
 * text, so it needs no escaping.
 *
 * @param text     the reply
 * @param sources  the seed documents the figures come from, as "title (date)"
 * @param grounded true when the reply gives figures from comp.yaml and every figure in it is one of them,
 *                 stated arithmetic on them, or a number of the user's own offer; false for help and for
 *                 "not understood" replies, which quote no data
 */
public record CompReply(String text, List<String> sources, boolean grounded) {
    public CompReply {
        sources = List.copyOf(sources);
    }
}
