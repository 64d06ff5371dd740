package coach.grading;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the answer is organised. Technical stages: requirements or assumptions first, steps in order, a summary.
 * Behavioural stages: the four STAR elements (situation, task, first-person action, result), labelled or not.
 */
final class StructureSignal {
    private static final Pattern STEP = Pattern.compile("^\\s*(?:\\d{1,2}[.)]|[-*•])\\s");
    /** A labelled section ("Structure: …", "Tests: …", "Failure modes: …"): a visible step, as a numbered line is. */
    private static final Pattern LABEL = Pattern.compile("^\\s*\\p{Lu}[\\p{L}-]*(?: [\\p{L}-]+){0,2}:\\s");
    private static final Pattern ORDER = Pattern.compile("\\b(first(ly)?|second(ly)?|third|then|next|after that|finally|"
            + "step \\d|lastly|last,|to start|start(ing)? with)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIREMENTS = Pattern.compile("\\b(requirements?|assum\\w*|constraints?|budget is|"
            + "the goal is|goals?:|scope|clarify|clarifying|i'd ask|i would ask|non-functional|input:|inputs?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUMMARY = Pattern.compile("\\b(in summary|to summari[sz]e|summary:|to sum up|in short|"
            + "overall,|bottom line|net:|so the design|so overall|tl;dr|the main risks?)\\b", Pattern.CASE_INSENSITIVE);

    // A story's elements, labelled ("Situation:", "S:") or told: the scene (where, who, what was wrong), the task
    // (what was asked or needed, or was the candidate's to do), the candidate's own actions, and what changed.
    static final Pattern SITUATION = Pattern.compile("\\b(situation|context|background|at my (last|previous|current)|"
            + "at (my|our|the|a) (company|startup|bank|job|employer|client)|when i was|last year|in 20\\d\\d|our team|my team|we had|we were|the team was|a customer|"
            + "our (biggest|largest|main)|i joined|i was working)\\b|(?<![\\p{L}\\p{N}])S:\\s",
            Pattern.CASE_INSENSITIVE);
    static final Pattern TASK = Pattern.compile("\\b(task|goal|needed to|had to|responsible|my job|my role|asked to|"
            + "objective|challenge|i owned|i was the|to fix|i wanted to|mission|(wanted|needed|asked for|asked us|asked me)"
            + "(?! to (?:be|know|say|chat))|was (mine|on me|my call)|i was on call)\\b|(?<![\\p{L}\\p{N}])T:\\s",
            Pattern.CASE_INSENSITIVE);
    static final Pattern ACTION = Pattern.compile("\\b(action:|i (\\w+ed|built|led|wrote|ran|set|made|took|drove|"
            + "gave|chose|got|sat|met|spoke|brought|began|kept|told|sent|found|put|did|shipped|drew|held|rewrote|"
            + "split|cut|broke|sought|went|paired|taught|dug|won|fought|spent|threw|ran|sold|bought|led))\\b"
            + "|(?<![\\p{L}\\p{N}])A:\\s", Pattern.CASE_INSENSITIVE);
    static final Pattern RESULT = Pattern.compile("\\b(result|as a result|outcome|which (led|meant|cut|reduced|raised|"
            + "improved)|in the end|afterwards|learned|learnt|impact|since then|we ended|ended up|so now|now the|"
            + "after (about |roughly |around )?\\w+ (months|weeks|quarters)|(got|was|were) promoted|went from)\\b"
            + "|(?<![\\p{L}\\p{N}])R:\\s", Pattern.CASE_INSENSITIVE);
    /** A part of a story labelled by its teller at its start: "S: …", "Result: …". */
    private static final Pattern LABELLED_PART = Pattern.compile("^\\s*(?:[STAR]|(?i:situation|task|action|result))\\s?:\\s");
    /** A sentence told in the past: a story's opening sentence in the past sets its scene. */
    private static final Pattern PAST = Pattern.compile("\\b(was|were|had|did|got|went|took|came|ran|saw|\\w{3,}ed)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "At Brightstay (hotel booking) our pricing pipeline …": a story that opens at a named place. */
    private static final Pattern AT_A_NAMED_PLACE = Pattern.compile("^\\W*At \\p{Lu}");
    private static final Pattern HYPOTHETICAL = Pattern.compile("\\b(would|'d|imagine|if i|i'll|i will|i'm|i am)\\b",
            Pattern.CASE_INSENSITIVE);

    private StructureSignal() {}

    /** Whether the sentence opens with a STAR label ("S: …", "Result: …"), as a story labelled part by part does. */
    static boolean labelledPart(String sentence) {
        return LABELLED_PART.matcher(sentence).find();
    }

    static Finding design(List<String> sentences) {
        int steps = 0;
        int ordinals = 0;
        String requirements = "";
        String summary = "";
        String firstStep = "";
        for (String s : sentences) {
            boolean step = STEP.matcher(s).find() || LABEL.matcher(s).find();
            boolean ordered = ORDER.matcher(s).find();
            if (step) steps++;
            if (ordered) ordinals++;
            if ((step || ordered) && firstStep.isEmpty()) firstStep = s;
            if (requirements.isEmpty() && REQUIREMENTS.matcher(s).find()) requirements = s;
            if (summary.isEmpty() && SUMMARY.matcher(s).find()) summary = s;
        }
        boolean clearSteps = steps >= 2 || ordinals >= 2;
        if (clearSteps && !requirements.isEmpty() && !summary.isEmpty()) {
            return new Finding(5, Sentences.quote(requirements), "");
        }
        if (clearSteps && !requirements.isEmpty()) {
            return new Finding(4, Sentences.quote(requirements), "no closing summary of the design and its risks.");
        }
        if (clearSteps) {
            return new Finding(3, Sentences.quote(firstStep), "requirements or assumptions are not stated up front.");
        }
        if (ordinals + steps > 0 || !requirements.isEmpty()) {
            return new Finding(2, Sentences.quote(firstStep.isEmpty() ? requirements : firstStep),
                    "no clear sequence of steps (first …, then …, or a numbered list).");
        }
        return new Finding(1, "", "no visible order: no requirements, steps or summary.");
    }

    /**
     * The scene a story opens with: its first sentence when that is told in the past ("Our inference pipeline paged
     * on-call 15 times a week") or opens at a named place, not a hypothetical ("I would first talk to them").
     */
    private static String scene(List<String> sentences) {
        if (sentences.isEmpty()) return null;
        String first = Sentences.oneLine(sentences.get(0));
        boolean told = PAST.matcher(first).find() && !HYPOTHETICAL.matcher(first).find();
        return told || AT_A_NAMED_PLACE.matcher(first).find() ? sentences.get(0) : null;
    }

    static Finding star(List<String> sentences) {
        String[] names = {"situation", "task", "action", "result"};
        Pattern[] parts = {SITUATION, TASK, ACTION, RESULT};
        String[] found = new String[4];
        found[0] = scene(sentences);
        for (int i = 0; i < parts.length; i++) {
            if (found[i] != null) continue;
            for (String s : sentences) {
                boolean measured = i == 3 && Quantities.hasTiedPair(s);
                if (parts[i].matcher(Sentences.oneLine(s)).find() || measured) {
                    found[i] = s;
                    break;
                }
            }
        }
        int present = 0;
        StringBuilder missing = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            if (found[i] != null) present++;
            else missing.append(missing.isEmpty() ? "" : ", ").append(names[i]);
        }
        String evidence = found[2] != null ? found[2] : java.util.Arrays.stream(found).filter(java.util.Objects::nonNull)
                .findFirst().orElse("");
        return new Finding(1 + present, Sentences.quote(evidence), present == 4 ? "" : "missing: " + missing + ".");
    }
}
