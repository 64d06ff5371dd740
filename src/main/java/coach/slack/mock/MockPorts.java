package coach.slack.mock;

import coach.interview.AskedQuestion;
import coach.interview.Learner;
import coach.interview.MockCommand;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Optional;

/** What the /mock surface needs from the other surfaces, so it depends on none of them (they depend on it). */
public final class MockPorts {
    private MockPorts() {}

    /** A channel's question of the day: a member's reply in its thread becomes their own asked question. */
    public interface ChannelQuestions {
        Optional<AskedQuestion> claim(Learner who, String channelId, String messageTs);
    }

    /** Where top-level messages (not thread replies to a question) go: the comp feature. */
    public interface TopLevelMessages {
        void onMessage(String team, String eventId, String channel, String channelType, String user, String ts,
                       String text, String botUserId);
    }

    /**
     * The progress surface's share of /mock (stats, review, team, export, forget-me) and of the "Grading your
     * answer…" message (its self-rating buttons).
     */
    public interface ProgressCommands {
        Response command(MockCommand command, Learner who, SlashCommandPayload p, SlashCommandContext ctx);

        List<LayoutBlock> gradingWithRating(long answerId);
    }
}
