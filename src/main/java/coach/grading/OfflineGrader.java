package coach.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The deterministic grader: same input, same grade, no network. The answer is read once ({@link AnswerText}):
 * text addressed to the grader, repeated sentences and bare keyword lists are set aside and earn nothing. Each rubric
 * criterion names the detector ({@link Signal}) that scores it on what the answer shows, never on its length; every
 * score comes with a quote from the answer and the rubric's anchor for that score, plus what the next level needs.
 */
public final class OfflineGrader implements Grader {
    private static final Pattern STAR_KEY_POINT = Pattern.compile("\\bSTAR\\b");
    private final Optional<SemanticMatcher> semantic;
    private final List<String> work;

    /** Word-overlap key-point coverage only (for tests of the other detectors). */
    public OfflineGrader() {
        this(null, List.of());
    }

    /**
     * Key points covered by meaning; grading waits for the embedding model to load. {@code work}: what the work
     * interviewed on is about (every question and key point of the bank, {@code QuestionBank.topicTexts()}), which
     * tells a story's sentences from talk about something else.
     */
    public OfflineGrader(SemanticMatcher semantic, List<String> work) {
        this.semantic = Optional.ofNullable(semantic);
        this.work = List.copyOf(work);
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Grade grade(GradingRequest request) {
        AnswerText text = AnswerText.of(request.answer());
        KeyMatch match = KeyMatch.of(text.substance(), request.question(), request.keyPoints(),
                semantic.flatMap(SemanticMatcher::similarity), work);
        // coverage is judged on every sentence of substance (its own similarity decides); the other detectors
        // only on sentences about the question, so off-topic padding earns nothing
        List<String> substance = match.relevant(request.stage().behavioural());
        List<String> impactRead = match.forImpact(substance);
        // a story's result read for impact is the story's result too: STAR reads it, in the answer's order
        List<String> story = text.substance().stream().filter(impactRead::contains).toList();
        Finding star = request.stage().behavioural() ? StructureSignal.star(story) : null;
        // what the relevance check set aside (for the detectors, and for impact), and the sentences that wave a concern
        // away: named in the report, so no reasoning or number looks unseen
        List<String> offTopicForImpact = notIn(text.substance(), impactRead);
        SetAside aside = new SetAside(notIn(text.substance(), substance), text.wavedAway());
        SetAside asideForImpact = new SetAside(offTopicForImpact, text.wavedAway());
        List<CriterionScore> scores = new ArrayList<>();
        for (Criterion c : request.rubric().criteria()) {
            Finding f = switch (c.signal()) {
                case QUANTIFIED_IMPACT -> ImpactSignal.score(impactRead, asideForImpact, request.question());
                case KEY_POINTS -> HandWaving.discount(CoverageSignal.score(match, text.substance(), request.keyPoints(),
                        judgedByStar(request.keyPoints(), star)), text.wavedAway());
                case TRADEOFFS -> TradeoffSignal.score(substance, aside);
                case STRUCTURE -> star != null ? star : StructureSignal.design(substance);
                case DEPTH -> DepthSignal.score(substance);
                case COMPLEXITY -> ComplexitySignal.score(substance);
            };
            scores.add(new CriterionScore(c.id(), c.name(), c.weight(), f.score(), f.evidence(), rationale(c, f)));
        }
        return new Grade(Scoring.overall(scores), scores, improvements(request.rubric(), scores),
                ImpactRewrite.suggest(impactRead, request.keyPoints(), asideForImpact, request.question()), name(), "",
                flags(text, offTopicForImpact))
                .withAdvice(lengthAdvice(request, text.words()));
    }

    /**
     * A behavioural question's "Follows STAR: a specific situation, the candidate's own task, …" key point is judged by
     * the STAR reading of the story ({@code star}; null for a technical stage): covered with three elements or more,
     * half with two. Not by how close a sentence's meaning sits to those words: a story told well sits far from them,
     * a platitude about "taking action" close, and the report once listed STAR as not covered under a story whose STAR
     * criterion it scored 5.
     */
    static Map<Integer, CoverageSignal.Judged> judgedByStar(List<String> keyPoints, Finding star) {
        int k = IntStream.range(0, keyPoints.size()).filter(i -> STAR_KEY_POINT.matcher(keyPoints.get(i)).find())
                .findFirst().orElse(-1);
        if (star == null || k < 0) return Map.of();
        return Map.of(k, new CoverageSignal.Judged(star.score() >= 4 ? 1 : star.score() == 3 ? 0.5 : 0, star.evidence()));
    }

    private static List<String> notIn(List<String> all, List<String> read) {
        return all.stream().filter(sentence -> !read.contains(sentence)).toList();
    }

    /**
     * What was set aside. A sentence read as not about the question is named when it claims a customer or business
     * result: it earns nothing for impact, and the report must not look as if it went unseen. (The reading can be
     * wrong, so it says how to make the link plain rather than that the sentence is off-topic.)
     */
    static List<String> flags(AnswerText text, List<String> offTopic) {
        List<String> flags = new ArrayList<>(text.flags());
        List<String> withNumbers = offTopic.stream().filter(s -> Quantities.hasQuantity(s) && Quantities.hasOutcome(s)).toList();
        if (!withNumbers.isEmpty()) {
            flags.add("I read “" + Sentences.quote(withNumbers.get(0)) + "”"
                    + (withNumbers.size() > 1 ? " (and " + (withNumbers.size() - 1) + " more)" : "")
                    + " as not about this question, so its numbers earned nothing here. If it is about this problem, "
                    + "say how: name the part of your solution that moved the number.");
        }
        return flags;
    }

    /** The anchor of the score given, then why it is not higher: the text under a quote always agrees with it. */
    static String rationale(Criterion c, Finding f) {
        String anchor = c.anchor(f.score());
        return f.shortfall().isEmpty() ? anchor : anchor + " Not higher: " + f.shortfall();
    }

    /**
     * Length is advice, never a cap: a short answer loses points only where it leaves things out (coverage,
     * trade-offs), and the report says how long strong answers to this stage usually are.
     */
    static String lengthAdvice(GradingRequest request, int words) {
        int usual = request.stage().minAnswerWords();
        if (words >= usual) {
            return "";
        }
        return "Strong answers to this stage usually run " + usual + " words or more; yours has " + words
                + ". More words earn nothing by themselves: use them for the key points and trade-offs you left out.";
    }

    /** The two criteria where a better answer would gain the most points, with the next anchor up. */
    static List<String> improvements(Rubric rubric, List<CriterionScore> scores) {
        return scores.stream()
                .filter(s -> s.score() < 5)
                .sorted(Comparator.comparingDouble((CriterionScore s) ->
                        -s.weight() * (Scoring.points(s.score() + 1) - Scoring.points(s.score()))))
                .limit(2)
                .map(s -> s.name() + " (" + s.score() + "/5): to reach " + (s.score() + 1) + ", "
                        + lowerFirst(rubric.criterion(s.criterionId()).anchor(s.score() + 1)))
                .toList();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
