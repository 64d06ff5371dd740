package coach.slack.mock;

import coach.slack.Mrkdwn;
import coach.slack.Outgoing;
import coach.slack.SlackJson;
import coach.slack.SlackLimits;
import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import coach.config.Stage;
import coach.config.StageCatalog;
import coach.grading.Criterion;
import coach.grading.CriterionScore;
import coach.grading.Rubric;
import coach.grading.AttemptChange;
import coach.grading.ScoreBand;
import coach.grading.SessionSummary;
import coach.grading.Grade;
import coach.grading.GradedAnswer;
import coach.interview.AskedQuestion;
import coach.interview.InterviewService;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;

/** Block Kit for the interview: stage picker, question, answer modal, graded report. */
public final class InterviewViews {
    public static final String ACTION_PICK_STAGE = "mock_stage_";
    public static final String ACTION_ANSWER = "mock_answer";
    public static final String ACTION_NEXT = "mock_next";
    public static final String ACTION_FOLLOW_UP = "mock_follow_up";
    /** Opens the answer modal again for the same question: a new attempt, graded and compared with the last. */
    public static final String ACTION_TRY_AGAIN = "mock_try_again";
    public static final String ACTION_FINISH = "mock_finish";
    static final String MODAL_ANSWER = "mock_answer_modal";
    static final String ANSWER_BLOCK = "answer_block";
    static final String ANSWER_INPUT = "answer_input";

    private InterviewViews() {}

    static List<LayoutBlock> stagePicker(StageCatalog stages) {
        List<BlockElement> buttons = new ArrayList<>();
        for (Stage s : stages.all()) {
            buttons.add(button(b -> b.actionId(ACTION_PICK_STAGE + s.id()).value(s.id())
                    .text(plainText(Mrkdwn.truncate(s.name(), SlackLimits.BUTTON_TEXT)))));
        }
        StringBuilder list = new StringBuilder();
        for (Stage s : stages.all()) {
            list.append("• *").append(Mrkdwn.escape(s.name())).append("* (`").append(s.id()).append("`, ")
                    .append(s.durationMinutes()).append(" min): ").append(Mrkdwn.escape(s.focus())).append('\n');
        }
        return asBlocks(
                section(s -> s.text(markdownText("*Pick a stage for your mock interview:*\n" + list))),
                actions(a -> a.elements(buttons)),
                context(c -> c.elements(asContextElements(markdownText(
                        "Or type `/mock <stage>`, e.g. `/mock system-design`. `/mock help` explains more.")))));
    }

    static String help(StageCatalog stages) {
        StringBuilder sb = new StringBuilder();
        sb.append("*Interview Coach: mock interviews for the AI/ML engineer loop*\n")
                .append("• `/mock` shows the stages to pick from\n")
                .append("• `/mock <stage>` asks you a question, e.g. `/mock system-design` or `/mock sd`\n")
                .append("• Answer with the *Answer* button, or reply in the question's thread. ")
                .append("A graded report arrives in the thread (only you see it outside a DM).\n")
                .append("• Under a report: *Follow-up* probes your weakest criterion, *Next question*, *Finish* sums up the session\n")
                .append("• `/mock rubric <stage>` shows how answers are graded; `/mock done` finishes your session with a summary\n")
                .append("• `/mock help` shows this\n\n*Stages* (id, aliases, length in the real loop):\n");
        for (Stage s : stages.all()) {
            sb.append("• `").append(s.id()).append("` ");
            if (!s.aliases().isEmpty()) {
                sb.append("(").append(String.join(", ", s.aliases())).append(") ");
            }
            sb.append("– ").append(s.durationMinutes()).append(" min, ").append(Mrkdwn.escape(s.focus())).append('\n');
        }
        sb.append("\nAnswers are graded on a published rubric that weighs *quantified customer impact* most: ")
                .append("say what changed for the customer, with numbers (\"feature lag 120 ms → 35 ms, +0.7% CTR\").");
        return sb.toString();
    }

    static String unknownStage(String typed, Stage closest, StageCatalog stages) {
        StringBuilder sb = new StringBuilder("I don't know the stage `")
                .append(Mrkdwn.escape(typed, 80).replace("`", "'"))
                .append("`. Did you mean `").append(closest.id()).append("`? Try `/mock ").append(closest.id())
                .append("`.\nStages: ");
        sb.append(String.join(", ", stages.all().stream().map(s -> "`" + s.id() + "`").toList()));
        return sb.toString();
    }

    static String questionFallback(Stage stage, AskedQuestion asked) {
        return Mrkdwn.truncate(stage.name() + " question: " + Mrkdwn.escape(asked.prompt()), SlackLimits.FALLBACK_TEXT);
    }

    static List<LayoutBlock> question(Stage stage, AskedQuestion asked, String pillar) {
        boolean followUp = AskedQuestion.FOLLOW_UP.equals(asked.kind());
        String title = (followUp ? "Follow-up · " : "") + stage.name() + " · mock interview";
        String meta = "In the real loop: " + Mrkdwn.escape(stage.format()) + ", " + stage.durationMinutes()
                + " min, focus: " + Mrkdwn.escape(stage.focus())
                + (pillar == null || pillar.isBlank() ? "" : " · topic: " + Mrkdwn.escape(pillar));
        return asBlocks(
                header(h -> h.text(plainText(Mrkdwn.truncate(title, SlackLimits.HEADER_TEXT)))),
                section(s -> s.text(markdownText(Mrkdwn.escape(asked.prompt(), SlackLimits.SECTION_TEXT)))),
                context(c -> c.elements(asContextElements(markdownText(Mrkdwn.truncate(meta, SlackLimits.CONTEXT_TEXT)),
                        markdownText("Answer with the button, or reply in this thread. Quantify the customer impact.")))),
                actions(a -> a.elements(asElements(
                        button(b -> b.actionId(ACTION_ANSWER).style("primary").value(String.valueOf(asked.id()))
                                .text(plainText("Answer"))),
                        button(b -> b.actionId(ACTION_NEXT).value(stage.id()).text(plainText("Another question")))))));
    }

    static View answerModal(AskedQuestion asked) {
        return view(v -> v.type("modal")
                .callbackId(MODAL_ANSWER)
                .privateMetadata(String.valueOf(asked.id()))
                .title(viewTitle(t -> t.type("plain_text").text("Your answer")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit for grading")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(asBlocks(
                        section(s -> s.text(markdownText(Mrkdwn.escape(asked.prompt(), SlackLimits.SECTION_TEXT)))),
                        input(i -> i.blockId(ANSWER_BLOCK)
                                .label(plainText("Your answer"))
                                .hint(plainText("Name the customer impact with numbers: baseline → result "
                                        + "(e.g. p99 120 ms → 35 ms, +0.7% CTR). Longer answer? Reply in the thread."))
                                .element(plainTextInput(p -> p.actionId(ANSWER_INPUT).multiline(true)
                                        .maxLength(SlackLimits.TEXT_INPUT_MAX)))))));
    }

    static List<LayoutBlock> rubric(Stage stage, Rubric rubric) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate("Rubric · " + stage.name(), SlackLimits.HEADER_TEXT)))));
        blocks.add(context(c -> c.elements(asContextElements(markdownText(
                Mrkdwn.truncate(Mrkdwn.escape(ScoreBand.howScored()) + " Quantified customer impact weighs most.",
                        SlackLimits.CONTEXT_TEXT))))));
        for (Criterion c : rubric.criteria()) {
            StringBuilder sb = new StringBuilder("*").append(Mrkdwn.escape(c.name())).append("* · weight ")
                    .append(Math.round(c.weight() * 100)).append("%\n_").append(Mrkdwn.escape(c.description())).append("_\n");
            for (int score = 5; score >= 1; score--) {
                sb.append("*").append(score).append("* ").append(Mrkdwn.escape(c.anchor(score))).append('\n');
            }
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(sb.toString(), SlackLimits.SECTION_TEXT)))));
        }
        return blocks;
    }

    static String summary(SessionSummary s) {
        if (s.answers() == 0) {
            return "Session finished. No graded answers in it yet: start again with `/mock <stage>`.";
        }
        StringBuilder sb = new StringBuilder("*Session finished* (").append(String.join(", ", s.stageNames()))
                .append("): ").append(s.answers()).append(s.answers() == 1 ? " answer" : " answers")
                .append(", average *").append(s.averageScore()).append("/100*, best ").append(s.bestScore()).append("/100.\n");
        for (SessionSummary.CriterionAverage c : s.criteria()) {
            sb.append("• ").append(Mrkdwn.escape(c.name())).append(": ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", c.average())).append("/5\n");
        }
        sb.append("Practise next: *").append(Mrkdwn.escape(s.criteria().get(0).name())).append("*.");
        return Mrkdwn.truncate(sb.toString(), SlackLimits.SECTION_TEXT);
    }

    static String reportFallback(GradedAnswer graded, Stage stage) {
        return "Your " + stage.name() + " answer scored " + graded.grade().overall() + "/100 ("
                + graded.grade().band().label() + ")" + AttemptChange.of(graded)
                .map(c -> "; attempt " + c.attempt() + ", the last one scored " + c.overallBefore()).orElse("");
    }

    static List<LayoutBlock> report(GradedAnswer graded, Stage stage) {
        Grade g = graded.grade();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate(
                "Score " + g.overall() + "/100 · " + g.band().withRange() + " · " + stage.name(), SlackLimits.HEADER_TEXT)))));
        AttemptChange.of(graded).ifPresent(change -> blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(
                "*Attempt " + change.attempt() + "* · against your last attempt: " + Mrkdwn.escape(change.summary()),
                SlackLimits.SECTION_TEXT))))));
        blocks.add(context(c -> c.elements(asContextElements(markdownText(Mrkdwn.truncate("*" + g.band().label() + "*: "
                + g.band().meaning() + ". Bands: " + ScoreBand.legend() + ".", SlackLimits.CONTEXT_TEXT))))));
        for (CriterionScore c : g.criteria()) {
            StringBuilder sb = new StringBuilder();
            sb.append("*").append(Mrkdwn.escape(c.name())).append("* (weight ")
                    .append(Math.round(c.weight() * 100)).append("%): *").append(c.score()).append("/5*\n");
            if (!c.evidence().isBlank()) {
                sb.append(Mrkdwn.quote("“" + Mrkdwn.escape(c.evidence(), 400) + "”")).append('\n');
            } else {
                sb.append("_No quote in your answer supports this criterion._\n");
            }
            sb.append("_").append(Mrkdwn.escape(c.rationale(), 600).replace("_", " ")).append("_");
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(sb.toString(), SlackLimits.SECTION_TEXT)))));
        }
        if (!g.improvements().isEmpty()) {
            StringBuilder sb = new StringBuilder("*The two improvements worth most:*\n");
            g.improvements().forEach(i -> sb.append("• ").append(Mrkdwn.escape(i, 900)).append('\n'));
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(sb.toString(), SlackLimits.SECTION_TEXT)))));
        }
        if (!g.rewrite().isBlank()) {
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate("*Say it with impact:*\n"
                    + Mrkdwn.quote(Mrkdwn.escape(g.rewrite(), 1500)), SlackLimits.SECTION_TEXT)))));
        }
        if (!g.advice().isBlank()) {
            blocks.add(context(c -> c.elements(asContextElements(markdownText(
                    ":straight_ruler: " + Mrkdwn.escape(g.advice(), SlackLimits.CONTEXT_TEXT - 30))))));
        }
        StringBuilder meta = new StringBuilder("Graded by the " + ("offline".equals(g.grader())
                ? "offline grader (deterministic)" : "LLM grader (" + Mrkdwn.escape(g.grader()) + ")"));
        if (!g.note().isBlank()) meta.append(" · ").append(Mrkdwn.escape(g.note()));
        blocks.add(context(c -> c.elements(asContextElements(markdownText(
                Mrkdwn.truncate(meta.toString(), SlackLimits.CONTEXT_TEXT))))));
        for (String flag : g.flags()) {
            blocks.add(context(c -> c.elements(asContextElements(markdownText(
                    ":warning: " + Mrkdwn.escape(flag, SlackLimits.CONTEXT_TEXT - 20))))));
        }
        blocks.add(divider());
        blocks.add(actions(a -> a.elements(asElements(
                button(b -> b.actionId(ACTION_FOLLOW_UP).style("primary").value(String.valueOf(graded.answer().id()))
                        .text(plainText("Follow-up"))),
                button(b -> b.actionId(ACTION_TRY_AGAIN).value(String.valueOf(graded.asked().id()))
                        .text(plainText("Try again"))),
                button(b -> b.actionId(ACTION_NEXT).value(stage.id()).text(plainText("Next question"))),
                button(b -> b.actionId(ACTION_FINISH).value(stage.id()).text(plainText("Finish")))))));
        return blocks.size() > SlackLimits.BLOCKS_PER_MESSAGE ? blocks.subList(0, SlackLimits.BLOCKS_PER_MESSAGE) : blocks;
    }

    /** The post of an asked question, sent once per question (its delivery id), with the Answer button. */
    public static Outgoing questionPost(InterviewService.Asked asked, String channel, String responseUrl) {
        AskedQuestion q = asked.asked();
        return Outgoing.message("question:" + q.id(), q.teamId(), q.userId(), channel, null,
                        InterviewViews.questionFallback(asked.stage(), q),
                        SlackJson.blocks(InterviewViews.question(asked.stage(), q, asked.question().pillar())))
                .asking(q.id(), responseUrl);
    }
}
