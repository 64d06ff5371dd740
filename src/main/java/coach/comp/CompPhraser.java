package coach.comp;

import coach.config.ConfigException;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional: asks an LLM to rephrase a templated answer, then keeps the rephrasing only if every number in it
 * is grounded ({@link GroundingCheck}); otherwise the templated answer is used and the failure is counted and
 * logged (counts only, never answer text). The LLM sees the templated answer, which is also the fact sheet:
 * every number in it comes from comp.yaml, the user's own offer, or arithmetic it states. It never sees the
 * user's message. Blocking: call it off the request thread. Thread-safe.
 */
public final class CompPhraser {
    private static final Logger LOG = LoggerFactory.getLogger(CompPhraser.class);

    /** Counters since start: rephrasings used, rejected by the grounding check, and LLM calls that failed. */
    public record Stats(long phrased, long rejected, long failed) {}

    private final ChatModel model;
    private final GroundingCheck check;
    private final String systemPrompt;
    private final AtomicLong phrased = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** @param systemPrompt the instructions, from {@code prompts/comp-phrase.txt} */
    public CompPhraser(ChatModel model, GroundingCheck check, String systemPrompt) {
        this.model = model;
        this.check = check;
        this.systemPrompt = systemPrompt;
    }

    /** Reads the phrasing instructions; a missing or empty file stops start-up with its name. */
    public static String loadPrompt(Path promptsDir) {
        Path file = promptsDir.resolve("comp-phrase.txt");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read the prompt: " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            throw new ConfigException(file, "", "the prompt is empty");
        }
        return text;
    }

    /** The rephrased answer when it is grounded, else {@code templated} unchanged. */
    public CompReply phrase(CompReply templated) {
        if (!templated.grounded()) {
            return templated; // help and "not understood" replies quote no data: nothing to rephrase
        }
        String text;
        try {
            ChatResponse response = model.chat(ChatRequest.builder()
                    .messages(SystemMessage.from(systemPrompt),
                            UserMessage.from("Answer to rephrase:\n\n" + templated.facts()))
                    .build());
            text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        } catch (RuntimeException e) {
            return fallBack(templated, failed, "comp phrasing: LLM call failed (" + e.getClass().getSimpleName() + ")");
        }
        if (text == null || text.isBlank()) {
            return fallBack(templated, failed, "comp phrasing: empty LLM reply");
        }
        if (text.contains("<!") || text.contains("<@") || text.contains("<#")) {
            return fallBack(templated, rejected, "comp phrasing rejected: the reply contains a Slack mention");
        }
        GroundingCheck.Result result = check.check(text, templated.facts());
        if (!result.grounded()) {
            return fallBack(templated, rejected, "comp phrasing rejected: " + result.ungrounded().size() + " of "
                    + result.checked() + " numbers not grounded in comp.yaml");
        }
        String out = text.strip();
        String lower = out.toLowerCase(Locale.ROOT);
        List<CompReply.Line> lines = new ArrayList<>(List.of(CompReply.line(CompReply.Kind.TEXT, out)));
        if (!templated.sources().stream().allMatch(s -> lower.contains(s.substring(0, s.indexOf(" (")).toLowerCase(Locale.ROOT)))) {
            lines.add(CompReply.sourcesLine(templated.sources()));
        }
        if (templated.lines().contains(OfferReport.NOT_ADVICE) && !lower.contains("not legal or tax advice")) {
            lines.add(OfferReport.NOT_ADVICE);
        }
        phrased.incrementAndGet();
        return new CompReply(lines, templated.sources(), templated.caveats(), true);
    }

    /** Counts and logs why the templated answer is used (the reason holds counts and class names, never answer text). */
    private static CompReply fallBack(CompReply templated, AtomicLong counter, String reason) {
        counter.incrementAndGet();
        LOG.warn("{}; using the templated answer", reason);
        return templated;
    }

    public Stats stats() {
        return new Stats(phrased.get(), rejected.get(), failed.get());
    }
}
