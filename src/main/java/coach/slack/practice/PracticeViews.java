package coach.slack.practice;

import coach.slack.Mrkdwn;
import coach.slack.SlackLimits;
import coach.slack.mock.InterviewViews;
import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;

import coach.interview.InterviewService;
import coach.practice.Subscription;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/** Block Kit for practice reminders and the channel question of the day. */
final class PracticeViews {
    static final String ACTION_SKIP = "practice_skip";
    static final String ACTION_SNOOZE_HOUR = "practice_snooze_hour";
    static final String ACTION_SNOOZE_TOMORROW = "practice_snooze_tomorrow";

    private PracticeViews() {}

    static List<LayoutBlock> reminder(Subscription s, InterviewService.Asked asked, int streak) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Mrkdwn.truncate("Daily practice · " + asked.stage().name(), SlackLimits.HEADER_TEXT)))));
        blocks.add(section(x -> x.text(markdownText(Mrkdwn.escape(asked.asked().prompt(), SlackLimits.SECTION_TEXT)))));
        String streakText = streak == 0 ? "Answer today to start a streak." : ":fire: Streak: " + streak + (streak == 1 ? " day" : " days") + ". Answer today to keep it.";
        blocks.add(context(c -> c.elements(asContextElements(markdownText(streakText + " Reply in this thread or use Answer.")))));
        String sub = String.valueOf(s.id());
        blocks.add(actions(a -> a.elements(asElements(
                button(b -> b.actionId(InterviewViews.ACTION_ANSWER).style("primary").value(String.valueOf(asked.asked().id())).text(plainText("Answer"))),
                button(b -> b.actionId(ACTION_SKIP).value(sub).text(plainText("Skip"))),
                button(b -> b.actionId(ACTION_SNOOZE_HOUR).value(sub).text(plainText("Snooze 1 h"))),
                button(b -> b.actionId(ACTION_SNOOZE_TOMORROW).value(sub).text(plainText("Tomorrow")))))));
        return blocks;
    }

    static List<LayoutBlock> channelQuestion(InterviewService.Asked asked) {
        return List.of(
                header(h -> h.text(plainText(Mrkdwn.truncate("Question of the day · " + asked.stage().name(), SlackLimits.HEADER_TEXT)))),
                section(x -> x.text(markdownText(Mrkdwn.escape(asked.asked().prompt(), SlackLimits.SECTION_TEXT)))),
                context(c -> c.elements(asContextElements(markdownText(
                        "Answer in this thread: everyone who answers gets their own grade, visible only to them.")))));
    }
}
