package coach.grading;

import coach.interview.Question;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.input.PromptTemplate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks an interviewer-style follow-up that probes the weakest criterion of a graded answer: written by the LLM
 * when one is configured, otherwise (or when its reply is unusable) the next of the question's bank follow-ups.
 */
public final class FollowUps {
    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);
    static final int MAX_LENGTH = 400;

    private final Optional<ChatModel> model;
    private final PromptTemplate prompt;

    public FollowUps(Optional<ChatModel> model, PromptTemplate prompt) {
        this.model = model;
        this.prompt = prompt;
    }

    /** The criterion a follow-up should probe: the lowest score, the heavier criterion on a tie. */
    public static CriterionScore weakest(Grade grade) {
        return grade.criteria().stream()
                .min(Comparator.comparingInt(CriterionScore::score).thenComparing(c -> -c.weight()))
                .orElseThrow();
    }

    /**
     * @param alreadyAsked how many follow-ups of this question the user already had in this session
     */
    public String next(GradingRequest request, Question question, Grade grade, int alreadyAsked) {
        List<String> bank = question.followUps();
        String fromBank = bank.get(Math.floorMod(alreadyAsked, bank.size()));
        if (model.isEmpty()) {
            return fromBank;
        }
        CriterionScore weakest = weakest(grade);
        Criterion criterion = request.rubric().criterion(weakest.criterionId());
        String delimiter = "ANSWER-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try {
            String text = model.get().chat(UserMessage.from(prompt.apply(Map.of(
                    "stage_name", request.stage().name(),
                    "weakest_name", criterion.name(),
                    "weakest_description", criterion.description(),
                    "question", request.question(),
                    "examples", bank.stream().map(f -> "- " + f).collect(Collectors.joining("\n")),
                    "delimiter", delimiter,
                    "answer", InjectionDetector.withoutInjections(request.answer()).replace(delimiter, ""))).text())).aiMessage().text();
            String cleaned = text == null ? "" : text.strip().replaceAll("^[\"“]|[\"”]$", "");
            if (cleaned.isEmpty() || cleaned.length() > MAX_LENGTH || !cleaned.contains("?") || cleaned.contains(delimiter)) {
                log.info("LLM follow-up unusable; using the bank's");
                return fromBank;
            }
            return cleaned;
        } catch (RuntimeException e) {
            log.warn("LLM follow-up failed ({}); using the bank's", e.getClass().getSimpleName());
            return fromBank;
        }
    }
}
