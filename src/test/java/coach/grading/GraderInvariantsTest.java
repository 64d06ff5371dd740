package coach.grading;

import static org.assertj.core.api.Assertions.assertThat;

import coach.config.StageCatalog;
import coach.interview.Question;
import coach.interview.QuestionBank;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Example;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * What no answer can do to the offline grader, over generated answers built from the calibration set: repeating
 * itself, appending keyword lists or bare figures, or padding with off-topic sentences never raises the score; any
 * text at all is graded without an exception; the same answer always gets the same score.
 */
class GraderInvariantsTest {
    static final Path CONFIG = Path.of("config");
    static final StageCatalog STAGES = StageCatalog.load(CONFIG);
    static final QuestionBank BANK = QuestionBank.load(CONFIG, STAGES);
    static final Rubrics RUBRICS = Rubrics.load(CONFIG, STAGES);
    static final List<Calibration.EvalAnswer> HONEST = Calibration.load(Path.of("eval/answers.yaml"), STAGES, BANK)
            .answers().stream().filter(a -> !a.band().equals("injection")).filter(a -> !a.holdout()).toList();
    static final OfflineGrader GRADER = new OfflineGrader(SemanticMatcher.shared(), BANK.topicTexts());
    static final List<String> KEYWORDS = List.of("Kafka", "Flink", "watermarks", "exactly-once", "RocksDB", "checkpoints",
            "Redis", "TTL", "canary", "p99", "histograms", "KEDA", "trade-off", "failure mode", "fallback", "because",
            "STAR", "situation", "task", "action", "result", "customer impact", "p99 120 ms → 35 ms", "+0.7% CTR",
            "O(n log n)", "edge cases", "unit tests", "requirements", "assumptions", "summary", "I led", "I built");
    static final List<String> OFF_TOPIC = List.of("I also enjoy hiking in the Alps with my family on weekends.",
            "My favourite film is a long science fiction epic from the nineties.",
            "Our office moved to a new building with a great coffee machine last spring.",
            "The pizza place near my flat is 12 minutes away and a large one costs about $15.",
            "In my spare time I restore old bicycles and sell about 12 a year.",
            // shaped like a story (a situation, a first-person action, a result, a lesson) about nothing asked
            "Last year I organised a charity bake sale at the office, and as a result I learned to bake bread.");

    static int score(Calibration.EvalAnswer a, String answer) {
        return graded(a, answer).overall();
    }

    /** {@code answer} graded as an answer to {@code a}'s question. */
    static Grade graded(Calibration.EvalAnswer a, String answer) {
        Question q = BANK.byId(a.question()).orElseThrow();
        return GRADER.grade(new GradingRequest(STAGES.get(a.stage()), q.text(), q.keyPoints(), RUBRICS.forStage(a.stage()), answer));
    }

    @Provide
    Arbitrary<Calibration.EvalAnswer> answers() {
        return Arbitraries.of(HONEST);
    }

    @Property(tries = 40)
    void repeatingAnAnswerEarnsNothing(@ForAll("answers") Calibration.EvalAnswer a, @ForAll @IntRange(min = 2, max = 8) int times,
                                       @ForAll boolean asParagraphs) {
        String repeated = String.join(asParagraphs ? "\n\n" : " ", java.util.Collections.nCopies(times, a.answer().strip()));
        assertThat(score(a, repeated)).isBetween(score(a, a.answer()) - 5, score(a, a.answer()) + 5);
    }

    @Property(tries = 40)
    void aKeywordListEarnsNothing(@ForAll("answers") Calibration.EvalAnswer a,
                                  @ForAll("keywordLists") String keywords, @ForAll boolean asBullets) {
        String stuffed = a.answer().strip() + (asBullets ? "\n- " + keywords.replace(", ", "\n- ") : "\n\nKeywords: " + keywords);
        assertThat(score(a, stuffed)).isLessThanOrEqualTo(score(a, a.answer()));
    }

    @Provide
    Arbitrary<String> keywordLists() {
        return Arbitraries.of(KEYWORDS).list().uniqueElements().ofMinSize(4).ofMaxSize(20).map(l -> String.join(", ", l));
    }

    @Property(tries = 40)
    void offTopicPaddingEarnsNothing(@ForAll("answers") Calibration.EvalAnswer a,
                                     @ForAll("padding") List<String> padding) {
        String padded = a.answer().strip() + "\n\n" + String.join(" ", padding);
        assertThat(score(a, padded)).isLessThanOrEqualTo(score(a, a.answer()));
    }

    /**
     * An answer whose own text is all set aside (a lowercase run-on list) and one padding sentence: the padding is then
     * the only sentence left, and it must still pass the relevance check (it once counted just for being alone).
     */
    @Example
    void aPaddingSentenceLeftAloneStillEarnsNothing() {
        Calibration.EvalAnswer a = honest("ml-adequate-5-c");
        String pizza = OFF_TOPIC.get(3);
        assertThat(score(a, a.answer().strip() + "\n\n" + pizza)).isLessThanOrEqualTo(score(a, a.answer()));
    }

    /**
     * A platitude answer and a story about something else that uses the words every behavioural question's key points
     * use ("as a result", "learned") and shares no other word with the answer: those words do not make it on-topic,
     * so its situation, action and result earn no STAR points (they once lifted this answer from 10 to 33), even
     * next to another padding sentence it shares a word with ("office").
     */
    @Example
    void aStoryAboutSomethingElseEarnsNoStarPoints() {
        Calibration.EvalAnswer a = honest("lc-weak-1");
        String bakeSale = OFF_TOPIC.get(OFF_TOPIC.size() - 1);
        assertThat(score(a, a.answer().strip() + "\n\n" + bakeSale)).isLessThanOrEqualTo(score(a, a.answer()));
        assertThat(score(a, a.answer().strip() + "\n\n" + OFF_TOPIC.get(2) + " " + bakeSale))
                .isLessThanOrEqualTo(score(a, a.answer()));
    }

    /**
     * A story whose sentences share no word with its question ("a simpler solution over a more sophisticated ML
     * approach") is still the story: its result earns impact and its task and action earn STAR points. Before, every
     * sentence was read as off-topic and it scored 10.
     */
    @Example
    void aStoryThatSharesNoWordWithItsQuestionIsStillRead() {
        Calibration.EvalAnswer a = honest("lc-strong-4-f");
        Grade g = graded(a, a.answer());
        assertThat(g.overall()).isGreaterThanOrEqualTo(40);
        assertThat(g.criteria()).filteredOn(c -> c.criterionId().equals("customer-impact")).first()
                .satisfies(c -> assertThat(c.score()).isGreaterThanOrEqualTo(3));
    }

    /**
     * A sentence about something else never vouches for another: "Our team went bowling … I scored 180" shares two
     * words with a story's result ("… rolled it out to all 180"), and that once lifted the answer from 44 to 74.
     */
    @Example
    void aSentenceAboutSomethingElseVouchesForNoOther() {
        Calibration.EvalAnswer a = honest("rs-strong-3-f");
        String bowling = "Our team went bowling last month and I scored 180, my best game ever.";
        assertThat(score(a, a.answer().strip() + " " + bowling)).isLessThanOrEqualTo(score(a, a.answer()));
    }

    /**
     * A story told in its own product's words ("So I dropped the rewrite and pulled their promo calendar in as a Kafka
     * feed …") shares almost no word with its question about changing a plan for a customer; it once scored 10, every
     * sentence read as off-topic and the report saying there was no situation, action or reasoning. Its sentence
     * closest to the question now seeds the story.
     */
    @Example
    void aStoryInItsOwnWordsIsNotAllSetAside() {
        Grade g = graded(honest("lc-strong-1-i"), honest("lc-strong-1-i").answer());
        assertThat(g.overall()).isGreaterThanOrEqualTo(30);
        assertThat(g.criteria()).filteredOn(c -> c.criterionId().equals("star-structure")).first()
                .satisfies(c -> assertThat(c.score()).isGreaterThanOrEqualTo(3));
    }

    /**
     * A sentence about life with a before → after in it is no part of a story. "My commute went from 50 minutes to 20
     * minutes when I moved flats last year" sits 0.60 from a question about changing a plan, and once seeded a one-line
     * platitude's story (10 → 38); appended to a story it shared only "went" with the story's result and joined it
     * (44 → 60).
     */
    @Example
    void aCommuteThatWentFromFiftyToTwentyMinutesIsNoPartOfTheStory() {
        String commute = "My commute went from 50 minutes to 20 minutes when I moved flats last year.";
        for (String id : List.of("lc-weak-1", "rs-strong-4-c")) {
            Calibration.EvalAnswer a = honest(id);
            assertThat(score(a, a.answer().strip() + " " + commute)).as(id).isLessThanOrEqualTo(score(a, a.answer()));
        }
    }

    /** Pasted eight times with a space between, this answer once scored 30 instead of 22 (the property found it). */
    @Example
    void anAnswerThatEndsWithoutAFullStopPastedEightTimesEarnsNothing() {
        Calibration.EvalAnswer a = honest("rs-weak-3-h");
        assertThat(score(a, String.join(" ", java.util.Collections.nCopies(8, a.answer().strip())))).isEqualTo(score(a, a.answer()));
    }

    /**
     * The result the impact criterion quotes is the story's result for STAR too: "As a result feature lag went from 24
     * hours to 90 seconds, …" was quoted for impact 5 under a STAR report saying "missing: result".
     */
    @Example
    void theResultQuotedForImpactIsTheStorysResult() {
        for (String id : List.of("rs-strong-1", "rs-strong-3")) {
            Grade g = graded(honest(id), honest(id).answer());
            assertThat(g.criteria()).filteredOn(c -> c.criterionId().equals("star-structure")).first()
                    .satisfies(c -> assertThat(c.rationale()).as(id).doesNotContainPattern("missing: [^.]*result"));
        }
    }

    static Calibration.EvalAnswer honest(String id) {
        return HONEST.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    @Provide
    Arbitrary<List<String>> padding() {
        return Arbitraries.of(OFF_TOPIC).list().uniqueElements().ofMinSize(1).ofMaxSize(OFF_TOPIC.size());
    }

    /** Waving a concern away is a gap, never a gain, whatever the answer and wherever the sentence goes. */
    @Property(tries = 40)
    void wavingAConcernAwayNeverRaisesTheScore(@ForAll("answers") Calibration.EvalAnswer a, @ForAll("waved") String waved,
                                               @ForAll boolean first) {
        String answer = first ? waved + " " + a.answer().strip() : a.answer().strip() + " " + waved;
        assertThat(score(a, answer)).isLessThanOrEqualTo(score(a, a.answer()));
    }

    @Provide
    Arbitrary<String> waved() {
        return Arbitraries.of("Latency isn't really an issue for this system.", "There is no need to reinvent the wheel.",
                "The platform handles failures automatically.", "Scaling should be fine because the cloud is elastic.",
                "Monitoring is also important.", "I'd just use a bigger machine.");
    }

    @Property(tries = 40)
    void numbersWithNoContextEarnNothing(@ForAll("answers") Calibration.EvalAnswer a,
                                         @ForAll("figures") List<String> figures) {
        String padded = a.answer().strip() + "\n" + String.join(", ", figures) + ".";
        assertThat(score(a, padded)).isLessThanOrEqualTo(score(a, a.answer()));
    }

    @Provide
    Arbitrary<List<String>> figures() {
        Arbitrary<String> figure = Arbitraries.integers().between(1, 999).flatMap(n ->
                Arbitraries.of(n + " ms", n + "%", n + "x", "$" + n + "k", n + " QPS", n + " ms → " + (n / 2 + 1) + " ms"));
        return figure.list().ofMinSize(3).ofMaxSize(8);
    }

    @Property(tries = 200)
    void anyTextIsGradedWithoutAnExceptionAndTheSameWayTwice(@ForAll String text, @ForAll("answers") Calibration.EvalAnswer a) {
        int first = score(a, text);
        assertThat(first).isBetween(0, 100);
        assertThat(score(a, text)).isEqualTo(first);
    }
}
