package coach.grading;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the answer is organised. Technical stages: requirements or assumptions first, steps in order, a summary.
 * Behavioural stages: the four STAR elements (situation, task, first-person action, result), labelled or not.
 */
final class StructureSignal {
    private static final Pattern STEP = Pattern.compile("^\\s*(?:\\d{1,2}[.)]|[-*•])\\s");
    private static final Pattern ORDER = Pattern.compile("\\b(first(ly)?|second(ly)?|third|then|next|after that|finally|"
            + "step \\d|lastly|last,|to start|start(ing)? with)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIREMENTS = Pattern.compile("\\b(requirements?|assum\\w*|constraints?|budget is|"
            + "the goal is|goals?:|scope|clarify|clarifying|i'd ask|i would ask|non-functional|input:|inputs?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUMMARY = Pattern.compile("\\b(in summary|to summari[sz]e|summary:|to sum up|in short|"
            + "overall,|bottom line|net:|so the design|so overall|tl;dr|the main risks?)\\b", Pattern.CASE_INSENSITIVE);

    static final Pattern SITUATION = Pattern.compile("\\b(situation|context|background|at my (last|previous|current)|"
            + "at (my|our|the) (company|startup|bank|job|employer|client)|when i was|last year|in 20\\d\\d|our team|my team|we had|we were|the team was|a customer|"
            + "our (biggest|largest|main)|i joined|i was working)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern TASK = Pattern.compile("\\b(task|goal|needed to|had to|responsible|my job|my role|asked to|"
            + "objective|challenge|i owned|i was the|to fix|i wanted to|mission)\\b", Pattern.CASE_INSENSITIVE);
    static final Pattern ACTION = Pattern.compile("\\b(action:|i (\\w+ed|built|led|wrote|ran|set|made|took|drove|"
            + "gave|chose|got|sat|met|spoke|brought|began|kept|told|sent|found|put|did|shipped|drew|held|rewrote|"
            + "split|cut|broke|sought|went|paired|taught|dug|won|fought|spent|threw|ran|sold|bought|led))\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern RESULT = Pattern.compile("\\b(result|as a result|outcome|which (led|meant|cut|reduced|raised|"
            + "improved)|in the end|afterwards|learned|learnt|impact|since then|we ended|ended up|so now|now the)\\b",
            Pattern.CASE_INSENSITIVE);

    private StructureSignal() {}

    static Finding design(List<String> sentences) {
        int steps = 0;
        int ordinals = 0;
        String requirements = "";
        String summary = "";
        String firstStep = "";
        for (String s : sentences) {
            boolean step = STEP.matcher(s).find();
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

    static Finding star(List<String> sentences) {
        String[] names = {"situation", "task", "action", "result"};
        Pattern[] parts = {SITUATION, TASK, ACTION, RESULT};
        String[] found = new String[4];
        for (int i = 0; i < parts.length; i++) {
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
