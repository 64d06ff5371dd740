package coach.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack calls the app makes, each failing with a classified {@link SlackFault}. Every message the app posts is
 * tagged with message metadata carrying its delivery id, so a post whose reply was lost can be found again
 * ({@link #findDelivery}) instead of being posted twice. Blocks and views travel as JSON strings (as stored in jobs).
 */
public final class SlackPoster {
    public static final String METADATA_EVENT = "coach_delivery";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A channel busier than this many pages of 200 messages since the first attempt is not searched further. */
    private static final int MAX_PAGES = 5;

    private final Slack slack;
    /** Single-workspace mode: the one client; null in multi-workspace mode. */
    private final MethodsClient single;
    /** Multi-workspace mode: a workspace's bot token, read from the installation store at each call. */
    private final BotTokens tokens;
    /** Multi-workspace mode: the workspace this poster speaks for ({@link #forTeam}). */
    private final String teamId;

    /** The bot token of a workspace; empty when the app is not (or no longer) installed there. */
    @FunctionalInterface
    public interface BotTokens {
        Optional<String> botToken(String teamId);
    }

    /** Single-workspace mode: every call uses this client (one bot token). */
    public SlackPoster(Slack slack, MethodsClient methods) {
        this(slack, methods, null, null);
    }

    /** Multi-workspace mode: calls go through {@link #forTeam}, each with that workspace's own bot token. */
    public SlackPoster(Slack slack, BotTokens tokens) {
        this(slack, null, tokens, null);
    }

    private SlackPoster(Slack slack, MethodsClient single, BotTokens tokens, String teamId) {
        this.slack = slack;
        this.single = single;
        this.tokens = tokens;
        this.teamId = teamId;
    }

    /**
     * This poster speaking for one workspace: in multi-workspace mode its Web API calls carry that workspace's bot
     * token (looked up when each call is made, so an uninstall or a re-install takes effect at once). In
     * single-workspace mode the one token is used and this returns the same poster.
     */
    public SlackPoster forTeam(String team) {
        return single != null ? this : new SlackPoster(slack, null, tokens, team);
    }

    /** The client for this poster's workspace; a workspace without an installation is refused like Slack would. */
    private MethodsClient methods(String method) throws SlackFault {
        if (single != null) {
            return single;
        }
        if (teamId == null) {
            throw new IllegalStateException(method + " needs a workspace: call forTeam(teamId) first");
        }
        Optional<String> token;
        try {
            token = tokens.botToken(teamId);
        } catch (RuntimeException e) {
            // the database did not answer: worth another try later
            throw new SlackFault(SlackFault.Kind.TRANSIENT, method, "installation_lookup_failed", null, false);
        }
        if (token.isEmpty()) {
            throw SlackFault.ofError(method, "app_uninstalled");
        }
        return slack.methods(token.get());
    }

    public static boolean isDirectMessage(String channelId) {
        return channelId != null && channelId.startsWith("D");
    }

    /** Posts a message visible to everyone in the conversation, tagged with its delivery id; returns its ts. */
    public String post(String channel, String threadTs, String text, String blocksJson, String deliveryId) throws SlackFault {
        Message.Metadata metadata = deliveryId == null ? null
                : new Message.Metadata(METADATA_EVENT, Map.of("delivery_id", deliveryId));
        var resp = call("chat.postMessage", () -> methods("chat.postMessage").chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                .text(text).blocksAsString(blocksJson).metadata(metadata).unfurlLinks(false).unfurlMedia(false)));
        return resp.getTs();
    }

    /**
     * Posts a message only {@code user} sees. Slack keeps no trace of an ephemeral message that the app could read
     * back, so unlike {@link #post} it cannot be looked for after a lost reply.
     */
    public void postEphemeral(String channel, String threadTs, String user, String text, String blocksJson) throws SlackFault {
        call("chat.postEphemeral", () -> methods("chat.postEphemeral").chatPostEphemeral(r -> r.channel(channel).threadTs(threadTs).user(user)
                .text(text).blocksAsString(blocksJson)));
    }

    /**
     * The ts of a message in the channel (or in the thread, when {@code threadTs} is given) that carries this
     * delivery id, posted since {@code since}; empty when there is none.
     */
    public Optional<String> findDelivery(String channel, String threadTs, String deliveryId, Instant since) throws SlackFault {
        String oldest = since.getEpochSecond() + ".000000";
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String c = cursor;
            List<Message> messages;
            String next;
            if (threadTs == null) {
                var resp = call("conversations.history", () -> methods("conversations.history").conversationsHistory(r -> r.channel(channel)
                        .oldest(oldest).limit(200).includeAllMetadata(true).cursor(c)));
                messages = resp.getMessages();
                next = resp.getResponseMetadata() == null ? null : resp.getResponseMetadata().getNextCursor();
            } else {
                var resp = call("conversations.replies", () -> methods("conversations.replies").conversationsReplies(r -> r.channel(channel)
                        .ts(threadTs).oldest(oldest).limit(200).includeAllMetadata(true).cursor(c)));
                messages = resp.getMessages();
                next = resp.getResponseMetadata() == null ? null : resp.getResponseMetadata().getNextCursor();
            }
            Optional<String> found = messages == null ? Optional.empty() : messages.stream()
                    .filter(m -> carries(m, deliveryId)).map(Message::getTs).findFirst();
            if (found.isPresent() || next == null || next.isBlank()) {
                return found;
            }
            cursor = next;
        }
        return Optional.empty();
    }

    private static boolean carries(Message m, String deliveryId) {
        Message.Metadata md = m.getMetadata();
        return md != null && METADATA_EVENT.equals(md.getEventType()) && md.getEventPayload() != null
                && deliveryId.equals(String.valueOf(md.getEventPayload().get("delivery_id")));
    }

    /** Opens (or finds) the DM with a user; returns its channel id. */
    public String openDm(String userId) throws SlackFault {
        return call("conversations.open", () -> methods("conversations.open").conversationsOpen(r -> r.users(List.of(userId)))).getChannel().getId();
    }

    /**
     * Uploads a text file into a conversation with Slack's current flow (files.getUploadURLExternal, the upload,
     * then files.completeUploadExternal), which Bolt's filesUploadV2 runs in order.
     */
    public void uploadFile(String channel, String filename, String title, String content, String comment) throws SlackFault {
        call("files.uploadV2", () -> methods("files.uploadV2").filesUploadV2(r -> r.channel(channel).filename(filename).title(title)
                .content(content).initialComment(comment)));
    }

    /** The user's time zone from their profile (e.g. "Europe/London"), or null when Slack has none. */
    public String timeZone(String userId) throws SlackFault {
        var resp = call("users.info", () -> methods("users.info").usersInfo(r -> r.user(userId)));
        return resp.getUser() == null ? null : resp.getUser().getTz();
    }

    public void openModal(String triggerId, String viewJson) throws SlackFault {
        call("views.open", () -> methods("views.open").viewsOpen(r -> r.triggerId(triggerId).viewAsString(viewJson)));
    }

    /** An ephemeral reply through a command's or action's response_url (usable 5 times in 30 minutes). */
    public void respond(String responseUrl, String text, boolean replaceOriginal) throws SlackFault {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("response_type", "ephemeral");
        body.put("replace_original", replaceOriginal);
        body.put("text", text);
        com.slack.api.webhook.WebhookResponse resp;
        try {
            resp = slack.send(responseUrl, JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw SlackFault.ofException("response_url", e);
        }
        int code = resp.getCode() == null ? 0 : resp.getCode();
        if (code < 200 || code > 299) {
            List<String> retryAfter = resp.getHeaders() == null ? null : resp.getHeaders().entrySet().stream()
                    .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase("Retry-After"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            throw SlackFault.ofStatus("response_url", code, retryAfter == null || retryAfter.isEmpty() ? null : retryAfter.get(0));
        }
    }

    private interface Call<T extends SlackApiTextResponse> {
        T run() throws Exception;
    }

    private static <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws SlackFault {
        T resp;
        try {
            resp = call.run();
        } catch (SlackFault f) {
            throw f;
        } catch (Exception e) {
            throw SlackFault.ofException(method, e);
        }
        if (!resp.isOk()) {
            throw SlackFault.ofError(method, resp.getError());
        }
        return resp;
    }
}
