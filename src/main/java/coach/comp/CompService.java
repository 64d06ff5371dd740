package coach.comp;

import java.nio.file.Path;

/**
 * The compensation feature's entry point for adapters (Slack, console). Deterministic, no LLM, no I/O after
 * construction; immutable and safe to share between threads. Replies never contain the user's text.
 */
public final class CompService {
    private final CompData data;
    private final CompParser parser;
    private final CompAnswerer answerer;
    private final OfferCheck offerCheck;

    CompService(CompData data, Wording words) {
        this.data = data;
        this.parser = new CompParser(data);
        this.answerer = new CompAnswerer(data, words);
        this.offerCheck = new OfferCheck(data, words);
    }

    /** Loads {@code comp.yaml} and {@code comp-replies.yaml} from the config directory; a bad file throws {@link coach.config.ConfigException}. */
    public static CompService load(Path configDir) {
        return new CompService(CompData.load(configDir), Wording.load(configDir));
    }

    /** For channels that opted in: true only for messages about pay, not for ordinary chatter. */
    public boolean isCompQuestion(String text) {
        return parser.isCompQuestion(text);
    }

    /** Answers a question; a message carrying offer amounts ("is 190k base good for L4?") gets an offer check. */
    public CompReply answer(String text) {
        CompQuestion q = parser.parse(text);
        return q.isOffer() ? offerCheck.check(q) : answerer.answer(q);
    }

    /** Checks an offer: {@code level=L4 region=mountain-view base=190k bonus=15% equity=250k}, or plain words. */
    public CompReply checkOffer(String text) {
        return offerCheck.check(parser.parse(text));
    }

    /** The reply to a /comp command; {@link CompCommand.Watch} is the adapter's (a channel setting), answered with help. */
    public CompReply reply(CompCommand command) {
        return command instanceof CompCommand.Offer o ? checkOffer(o.offer())
                : command instanceof CompCommand.Ask a ? answer(a.question()) : help();
    }

    /** How to ask, with examples. */
    public CompReply help() {
        return answerer.help();
    }

    public CompData data() {
        return data;
    }
}
