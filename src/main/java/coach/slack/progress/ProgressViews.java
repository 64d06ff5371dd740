package coach.slack.progress;

import coach.slack.Mrkdwn;
import coach.slack.SlackLimits;
import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import coach.grading.ScoreBand;
import coach.progress.Progress;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A learner's progress in Block Kit: for `/mock stats` (ephemeral) and the App Home tab. However long the history,
 * it stays within Slack's limits: at most six stages, the criteria, the due reviews capped, every text truncated.
 */
final class ProgressViews {
    static final String ACTION_START = "progress_start_mock";
    static final String ACTION_REVIEW = "progress_next_review";
    static final String ACTION_REMINDERS = "progress_reminders";
    static final String ACTION_FORGET = "progress_forget_confirmed";
    /** self_rate_1 … self_rate_5: action ids are unique per block, so each rating has its own. */
    static final String ACTION_RATE_PREFIX = "self_rate_";
    private static final int MAX_REVIEWS_SHOWN = 5;

    private ProgressViews() {}

    static List<LayoutBlock> stats(Progress p) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your progress"))));
        if (!p.needs().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.escape(p.needs(), SlackLimits.SECTION_TEXT)))));
        }
        if (p.answers() > 0) {
            StringBuilder stages = new StringBuilder("*By stage* (average · last " + 10 + " scores)\n");
            for (Progress.StageProgress s : p.stages()) {
                stages.append("• ").append(Mrkdwn.escape(s.stageName())).append(": *").append(s.average()).append("* ")
                        .append(ScoreBand.of(s.average()).label()).append(" · ").append(s.answers())
                        .append(s.answers() == 1 ? " answer" : " answers").append(" `").append(s.sparkline()).append("`\n");
            }
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(stages.toString(), SlackLimits.SECTION_TEXT)))));
            StringBuilder criteria = new StringBuilder("*By criterion*, weakest first\n");
            for (Progress.CriterionProgress c : p.criteria()) {
                criteria.append("• ").append(String.format(Locale.ROOT, "%.1f/5 ", c.average()))
                        .append(Mrkdwn.escape(c.narration())).append('\n');
            }
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(criteria.toString(), SlackLimits.SECTION_TEXT)))));
        }
        StringBuilder next = new StringBuilder("*Streak:* " + p.streak() + (p.streak() == 1 ? " day" : " days"));
        next.append("\n*Self-assessment:* ").append(Mrkdwn.escape(p.selfAssessment()));
        next.append("\n*Next:* ").append(Mrkdwn.escape(p.next().stageName())).append(", because ")
                .append(Mrkdwn.escape(p.next().reason())).append('.');
        if (!p.due().isEmpty()) {
            next.append("\n*Due for review:* ").append(p.due().size());
            p.due().stream().limit(MAX_REVIEWS_SHOWN).forEach(r -> next.append("\n• ").append(Mrkdwn.escape(r.reason())));
        }
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(next.toString(), SlackLimits.SECTION_TEXT)))));
        blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.truncate(Mrkdwn.escape(ScoreBand.legend()),
                SlackLimits.CONTEXT_TEXT))))));
        return blocks;
    }

    /** Posted as the answer is stored: the grade is on its way, and one tap records the learner's own rating. */
    static List<LayoutBlock> gradingWithRating(long answerId) {
        List<BlockElement> buttons = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            int rating = r;
            buttons.add(button(b -> b.actionId(ACTION_RATE_PREFIX + rating).value(String.valueOf(answerId))
                    .text(plainText(String.valueOf(rating)))));
        }
        return List.of(section(s -> s.text(markdownText("Got your answer; grading it now. While you wait: *how would you "
                        + "rate it yourself*, 1 (weak) to 5 (interview-ready)? The report does not wait for this."))),
                actions(a -> a.elements(buttons)));
    }

    /** A channel's team view as mrkdwn: aggregates only, and nothing below the minimum of members. */
    static String team(coach.progress.TeamView.Summary t) {
        if (!t.enough()) {
            return "*Team view:* " + t.members() + (t.members() == 1 ? " member has" : " members have") + " joined. It "
                    + "appears from " + coach.progress.TeamView.MIN_MEMBERS + " members, so no one's scores can be singled "
                    + "out. Invite others with `/mock team join`.";
        }
        StringBuilder sb = new StringBuilder("*Team view* (" + t.members() + " members who opted in): *"
                + t.practisedThisWeek() + "* practised in the last 7 days.");
        if (t.stages().isEmpty()) {
            sb.append("\nNo stage has answers from " + coach.progress.TeamView.MIN_MEMBERS + " members yet.");
        }
        t.stages().forEach(l -> sb.append("\n• ").append(Mrkdwn.escape(l.stageName())).append(": average *")
                .append(l.average()).append("* (").append(l.learners()).append(" members)"));
        return Mrkdwn.truncate(sb.toString(), SlackLimits.SECTION_TEXT);
    }

    /** `/mock forget-me`: what will be deleted, and one button (with Slack's confirmation dialog) to do it. */
    static List<LayoutBlock> forgetConfirmation() {
        return List.of(section(s -> s.text(markdownText("*Delete everything about you?* Your answers, grades, "
                        + "sessions, questions, reminders and their deliveries, channels you opted into comp answers, and "
                        + "the record of messages sent to you, in every table. This cannot be undone; "
                        + "`/mock export` first if you want a copy."))),
                actions(a -> a.elements(asElements(button(b -> b.actionId(ACTION_FORGET).style("danger").value("forget")
                        .text(plainText("Delete everything about me"))
                        .confirm(com.slack.api.model.block.composition.ConfirmationDialogObject.builder()
                                .title(plainText("Delete everything?")).text(plainText("Your whole history goes. This cannot be undone."))
                                .confirm(plainText("Delete")).deny(plainText("Keep it")).style("danger").build()))))));
    }

    /** What forget-me deleted, table by table. */
    static String forgotten(java.util.Map<String, Integer> deleted) {
        StringBuilder sb = new StringBuilder("Done: everything about you is deleted. Rows deleted, by table: ");
        deleted.forEach((table, n) -> sb.append(table).append(' ').append(n).append(", "));
        return sb.substring(0, sb.length() - 2) + ".";
    }

    /** The App Home tab: the same progress, with buttons to start a mock, the next review and reminders. */
    static View home(Progress p, String homeChannel) {
        List<LayoutBlock> blocks = new ArrayList<>(stats(p));
        blocks.add(divider());
        List<BlockElement> buttons = new ArrayList<>();
        buttons.add(button(b -> b.actionId(ACTION_START).style("primary").value(p.next().stageId() + "|" + homeChannel)
                .text(plainText(p.answers() == 0 ? "Start your first mock" : "Practise " + p.next().stageName()))));
        p.next().review().ifPresent(r -> buttons.add(button(b -> b.actionId(ACTION_REVIEW)
                .value(r.stageId() + "|" + r.questionId() + "|" + homeChannel).text(plainText("Next review")))));
        buttons.add(button(b -> b.actionId(ACTION_REMINDERS).value(homeChannel).text(plainText("Set up reminders"))));
        blocks.add(actions(a -> a.elements(asElements(buttons.toArray(BlockElement[]::new)))));
        return view(v -> v.type("home").blocks(blocks));
    }
}
