package coach.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * How close each sentence of an answer is to the question and to each of its key points: by meaning (embeddings)
 * when the model is loaded, by shared word stems when it could not load. Computed once per grading and shared by
 * the relevance filter and the coverage detector.
 *
 * <p>Relevance: a sentence counts for the detectors only if it is about the question — as close to it as the
 * answer's most on-topic sentence, less a margin. Off-topic padding ("I also organised a hackathon…") then earns
 * nothing, whatever numbers or trade-off words it carries.
 */
final class KeyMatch {
    /** A sentence this much less similar than the answer's most on-topic one is off-topic. */
    static final double RELEVANCE_MARGIN = 0.20;
    /**
     * In a story (behavioural stages) the result sentence sits further from the question than the situation does
     * ("as a result p99 dropped from 900 ms to 120 ms"), so stories get a wider margin.
     */
    static final double STORY_MARGIN = 0.30;
    /** A sentence at least this similar to the question is on-topic however on-topic the rest is. */
    static final double ON_TOPIC = 0.65;
    /** Below this a sentence is off-topic even in an answer that is off-topic throughout. */
    static final double FLOOR = 0.50;
    /**
     * A sentence at least this close to some question or key point of the whole bank is about the work the coach
     * interviews on. Hobbies, food and office news stay under it (0.51–0.60); the sentences of a story that
     * share no words with its question ("Misroutes went from 31% to 13%") mostly sit above it. Set on the tuning split.
     */
    static final double ABOUT_THE_WORK = 0.62;

    /** Content words a set-aside result sentence must share with the answer's topic to count for impact. */
    private static final int LINK_WORDS = 3;
    /** A sentence that opens by pointing back at the solution just described ("As a result, …", "This cut …"). */
    private static final Pattern CONTINUES = Pattern.compile(
            "(?i)\\s*(as a result|this|that|it|these|those|the result|the change|the fix|the new \\w+|with (it|this|that))\\b");

    /**
     * Stems of the words that frame every behavioural question's key points ("Follows STAR: a specific situation, the
     * candidate's own task, first-person actions and a measured result"; "what you learned"): they say nothing about a
     * question's topic. A sentence sharing only them with the question is on-topic only if it also shares a word with
     * the rest of the answer: "The situation was that our biggest client…" is part of the story told, "Last year I
     * organised a bake sale, and as a result I learned…" is not.
     */
    private static final Set<String> STORY_FRAME = Set.of("situat", "task", "action", "result",
            "learne", "lesson", "measur", "specif", "candid", "own", "first-", "follow", "star");

    /**
     * A story's sentence closest to the question, at least this close, is part of the story even when it shares no
     * word with the question or key points (a story told in its own product's words). Set on the tuning split.
     */
    static final double STORY_SEED = 0.60;
    /**
     * A sentence of a story this close to the question or a key point that shares a word with a sentence of the story
     * continues it. Off-topic padding (hobbies, food, office news) sits below it; at 0.55 a pizza sentence appended
     * to a story got in. Set on the tuning split and the padding checks.
     */
    static final double STORY_CHAIN_FLOOR = 0.57;

    private final List<String> sentences;
    /** [k][i]: key 0 is the question, keys 1..n the key points; i is the sentence. */
    private final double[][] similarity;
    private final boolean semantic;
    /** [i]: whether sentence i is about the work interviewed on ({@link #ABOUT_THE_WORK}); all true without a model. */
    private final boolean[] aboutTheWork;
    /** The word stems of the question and its key points. */
    private final Set<String> topicStems;

    private KeyMatch(List<String> sentences, double[][] similarity, boolean semantic, Set<String> topicStems,
                     boolean[] aboutTheWork) {
        this.sentences = sentences;
        this.similarity = similarity;
        this.semantic = semantic;
        this.topicStems = topicStems;
        this.aboutTheWork = aboutTheWork;
    }

    /** {@code work}: texts saying what the work interviewed on is about (every question and key point of the bank). */
    static KeyMatch of(List<String> sentences, String question, List<String> keyPoints,
                       Optional<SemanticMatcher.Similarity> model, List<String> work) {
        List<String> keys = new ArrayList<>();
        keys.add(question == null ? "" : question);
        keys.addAll(keyPoints);
        Set<String> topic = new HashSet<>();
        keys.forEach(k -> topic.addAll(CoverageSignal.stems(k)));
        boolean[] aboutTheWork = new boolean[sentences.size()];
        Arrays.fill(aboutTheWork, true);
        if (sentences.isEmpty()) {
            return new KeyMatch(sentences, new double[keys.size()][0], model.isPresent(), topic, aboutTheWork);
        }
        if (model.isEmpty()) {
            return new KeyMatch(sentences, CoverageSignal.overlap(keys, sentences), false, topic, aboutTheWork);
        }
        // one embedding of the sentences for both: rows 0..keys-1 are the question and key points, the rest the work
        List<String> all = new ArrayList<>(keys);
        all.addAll(work);
        double[][] both = model.get().matrix(all, sentences);
        for (int i = 0; i < sentences.size() && !work.isEmpty(); i++) {
            int at = i;
            aboutTheWork[i] = Arrays.stream(both, keys.size(), both.length)
                    .anyMatch(row -> row[at] >= ABOUT_THE_WORK);
        }
        return new KeyMatch(sentences, Arrays.copyOf(both, keys.size()), true, topic, aboutTheWork);
    }

    boolean semantic() {
        return semantic;
    }

    /** Similarity of sentence i to key point k (0-based over the key points). */
    double toKeyPoint(int k, int i) {
        return similarity[k + 1][i];
    }

    /** Whether sentence i may count towards covering a key point: a sentence about something else (lunch) never does. */
    boolean aboutTheWork(int i) {
        return aboutTheWork[i];
    }

    /**
     * The sentences that are about the question, in order: as close to it (or a key point) as the answer's most
     * on-topic sentence, less a margin, and sharing words with it or with the answer ({@link #sharesWords}). In a
     * story, also a sentence about the work interviewed on that shares a word with another such sentence: a story's
     * task and result often share no word with its question ("It hit 87% accuracy vs the LLM prototype's 89%") and sit
     * far from it in meaning, yet are the story; and the sentences chained to the story ({@link #chainTheStory}).
     */
    List<String> relevant(boolean story) {
        if (!semantic || sentences.isEmpty()) return sentences;
        double margin = story ? STORY_MARGIN : RELEVANCE_MARGIN;
        double[] best = new double[sentences.size()];
        double top = 0;
        for (int i = 0; i < sentences.size(); i++) {
            best[i] = closest(i);
            top = Math.max(top, best[i]);
        }
        List<Set<String>> stems = sentences.stream().map(CoverageSignal::stems).toList();
        boolean[] anchored = new boolean[sentences.size()];
        for (int i = 0; i < anchored.length; i++) anchored[i] = anchored(i, stems);
        boolean[] keep = new boolean[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            if (best[i] < FLOOR) continue;
            boolean onTopic = (best[i] >= top - margin || best[i] >= ON_TOPIC) && sharesWords(i, stems, anchored);
            // a word in common with another sentence about the work: talk about something else vouches for none
            boolean partOfTheStory = story && aboutTheWork[i] && sharesWith(i, stems, j -> aboutTheWork[j], 1);
            keep[i] = onTopic || partOfTheStory;
        }
        if (story) {
            chainTheStory(keep, best, top, stems);
            keepTheLabelledParts(keep);
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) if (keep[i]) kept.add(sentences.get(i));
        return kept;
    }

    /**
     * Reads a story as a chain: its sentence closest to the question (if {@link #STORY_SEED} close and about the work
     * interviewed on) seeds it, and a sentence close enough ({@link #STORY_CHAIN_FLOOR}) that shares a word with a
     * sentence already in it joins. "So I dropped the rewrite and pulled their promo calendar in as a Kafka feed …"
     * shares no word with its question about changing a plan for a customer, yet is the heart of the story. (Without
     * the test for the work, "My commute went from 50 minutes to 20 minutes when I moved flats" seeded a one-line
     * platitude's story and earned it STAR points.)
     */
    private void chainTheStory(boolean[] keep, double[] best, double top, List<Set<String>> stems) {
        for (int i = 0; i < keep.length; i++) if (best[i] == top && top >= STORY_SEED && aboutTheWork[i]) keep[i] = true;
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < keep.length; i++) {
                if (!keep[i] && best[i] >= STORY_CHAIN_FLOOR && sharesWith(i, stems, j -> keep[j], 1)) {
                    keep[i] = changed = true;
                }
            }
        }
    }

    /**
     * A story its teller labelled part by part ("S: … T: … A: … R: …") is one story: once one labelled part is read
     * as about the question, so are the others. "R: false declines went from 8% to zero within 35 minutes" sits far
     * from a question about a failure owned, and was set aside, so the report said the story had no result.
     */
    private void keepTheLabelledParts(boolean[] keep) {
        boolean[] labelled = new boolean[keep.length];
        boolean any = false;
        for (int i = 0; i < keep.length; i++) {
            labelled[i] = StructureSignal.labelledPart(sentences.get(i));
            any |= keep[i] && labelled[i];
        }
        for (int i = 0; i < keep.length && any; i++) keep[i] |= labelled[i];
    }

    /**
     * Whether sentence i has {@code atLeast} word stems in common with some other sentence j that {@code partner}
     * accepts: the one test behind every "vouched for by another sentence" rule of the relevance check.
     */
    private static boolean sharesWith(int i, List<Set<String>> stems, IntPredicate partner,
                                      int atLeast) {
        Set<String> own = stems.get(i);
        for (int j = 0; j < stems.size(); j++) {
            if (j != i && partner.test(j) && stems.get(j).stream().filter(own::contains).count() >= atLeast) return true;
        }
        return false;
    }

    /**
     * The sentences the impact criterion reads: the {@code relevant} ones, plus a customer-tied before → after that the
     * relevance check set aside but that is tied to this answer's own solution: it opens by pointing back at it, or
     * shares LINK_WORDS content words with the question, its key points or the relevant sentences, or its meaning is as
     * close to the question or a key point as {@link #ON_TOPIC} ("error fell from 31% to 19% MAPE and stockouts dropped
     * 12%" next to a key point on the forecast's accuracy and stock). A result sentence
     * talks about the customer and the metric, so it sits far from the question's wording ("it cut the endpoint's p99
     * from 180 ms to 12 ms because we stopped re-sorting the catalogue"); an appended success story shares nothing.
     */
    List<String> forImpact(List<String> relevant) {
        Set<String> context = new HashSet<>(topicStems);
        relevant.forEach(s -> context.addAll(CoverageSignal.stems(s)));
        List<String> read = new ArrayList<>(relevant);
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            if (relevant.contains(s) || !Quantities.hasTiedPair(s)) continue;
            boolean linked = CONTINUES.matcher(s).lookingAt() || semantic && closest(i) >= ON_TOPIC
                    || CoverageSignal.stems(s).stream().filter(context::contains).count() >= LINK_WORDS;
            if (linked) read.add(s);
        }
        return read;
    }

    /** How close sentence i is to the question or to its nearest key point. */
    private double closest(int i) {
        double best = 0;
        for (double[] row : similarity) best = Math.max(best, row[i]);
        return best;
    }

    /**
     * A sentence on the topic shares two content words with the question and its key points, or two with another
     * sentence of the answer; one that shares none ("the pizza place near my flat costs $15") is padding, however
     * close its embedding happens to land. When the words it shares with the question are only the frame words of
     * a story ({@link #STORY_FRAME}), it must also share a word with a sentence that is on the topic by the other
     * tests, so two padding sentences cannot vouch for each other.
     */
    private boolean sharesWords(int i, List<Set<String>> stems, boolean[] anchored) {
        if (anchored[i]) return true;
        Set<String> own = stems.get(i);
        return own.stream().filter(topicStems::contains).count() >= 2 && sharesWith(i, stems, j -> anchored[j], 1);
    }

    /**
     * On the topic without help from the frame words: two words shared with another sentence about the work (talk
     * about something else vouches for none: "Our team went bowling … I scored 180" once made a story's "… all 180"
     * count), or two shared with the question and its key points, at least one of them not a frame word.
     */
    private boolean anchored(int i, List<Set<String>> stems) {
        Set<String> own = stems.get(i);
        // two words in common: one ("minutes", "cost") happens by chance in any padding
        List<String> withTopic = own.stream().filter(topicStems::contains).toList();
        if (withTopic.size() >= 2 && withTopic.stream().anyMatch(stem -> !STORY_FRAME.contains(stem))) return true;
        return sharesWith(i, stems, j -> aboutTheWork[j], 2);
    }
}
