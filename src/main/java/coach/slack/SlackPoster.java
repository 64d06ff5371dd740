package coach.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.util.List;

/**
 * Posts to Slack through the Web API. Reports and private replies go to the question's thread: as a normal message
 * in a DM, and as an ephemeral message (visible only to that user) anywhere else, so nobody else sees a grade.
 */
public final class SlackPoster {
    private final MethodsClient methods;

    public SlackPoster(MethodsClient methods) {
        this.methods = methods;
    }

    /** A Web API call that Slack answered with ok=false; {@code error} is Slack's code (e.g. not_in_channel). */
    public static final class SlackCallException extends Exception {
        private final String error;

        SlackCallException(String method, String error) {
            super(method + " failed: " + error);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    static boolean isDirectMessage(String channelId) {
        return channelId != null && channelId.startsWith("D");
    }

    /** Posts a message visible to everyone in the conversation; returns its ts (the thread anchor). */
    public String post(String channel, String threadTs, String text, List<LayoutBlock> blocks)
            throws IOException, SlackApiException, SlackCallException {
        var resp = methods.chatPostMessage(r -> r.channel(channel).threadTs(threadTs).text(text).blocks(blocks)
                .unfurlLinks(false).unfurlMedia(false));
        check("chat.postMessage", resp);
        return resp.getTs();
    }

    /** Posts something only this user should see: in a DM as a message, elsewhere as an ephemeral message. */
    public void postPrivately(String channel, String threadTs, String user, String text, List<LayoutBlock> blocks)
            throws IOException, SlackApiException, SlackCallException {
        if (isDirectMessage(channel)) {
            post(channel, threadTs, text, blocks);
            return;
        }
        var resp = methods.chatPostEphemeral(r -> r.channel(channel).threadTs(threadTs).user(user).text(text).blocks(blocks));
        check("chat.postEphemeral", resp);
    }

    /** Opens (or finds) the DM with a user; returns its channel id. */
    public String openDm(String userId) throws IOException, SlackApiException, SlackCallException {
        var resp = methods.conversationsOpen(r -> r.users(java.util.List.of(userId)));
        check("conversations.open", resp);
        return resp.getChannel().getId();
    }

    /** The user's time zone from their profile (e.g. "Europe/London"), or null when Slack has none. */
    public String timeZone(String userId) throws IOException, SlackApiException, SlackCallException {
        var resp = methods.usersInfo(r -> r.user(userId));
        check("users.info", resp);
        return resp.getUser() == null ? null : resp.getUser().getTz();
    }

    public void openModal(String triggerId, View view) throws IOException, SlackApiException, SlackCallException {
        check("views.open", methods.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    private static void check(String method, SlackApiTextResponse resp) throws SlackCallException {
        if (!resp.isOk()) {
            throw new SlackCallException(method, resp.getError());
        }
    }
}
