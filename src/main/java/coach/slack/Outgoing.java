package coach.slack;

import java.io.Serializable;
import java.time.Instant;

/**
 * One thing to send to Slack, stored as a persistent job's data until it is sent.
 *
 * @param id        the delivery id: unique per intent (question:42, report:7), so scheduling it twice sends it once,
 *                  and carried in the message's metadata, so a post whose reply was lost is found instead of re-sent
 * @param askedId   for a question's post: the asked question that gets the message's ts (its thread takes answers)
 * @param notifyUrl for a question's post: a response_url to tell the user when it cannot be posted
 * @param notAfter  drop it if it cannot go out by then (a modal's trigger_id is dead after 3 seconds)
 */
public record Outgoing(String id, Kind kind, String teamId, String userId, String channel, String threadTs,
                       String text, String blocksJson, String responseUrl, boolean replaceOriginal, String triggerId,
                       Long askedId, String notifyUrl, Instant notAfter) implements Serializable {

    public enum Kind {
        /** chat.postMessage, visible to the conversation. */
        MESSAGE,
        /** Only {@code userId} sees it: a message in a DM, an ephemeral message elsewhere. */
        PRIVATE,
        /** An ephemeral reply through a response_url. */
        RESPONSE,
        /** views.open with a trigger_id. */
        MODAL
    }

    public static Outgoing message(String id, String team, String user, String channel, String threadTs, String text,
                                   String blocksJson) {
        return new Outgoing(id, Kind.MESSAGE, team, user, channel, threadTs, text, blocksJson, null, false, null, null, null, null);
    }

    public static Outgoing privately(String id, String team, String user, String channel, String threadTs, String text,
                                     String blocksJson) {
        return new Outgoing(id, Kind.PRIVATE, team, user, channel, threadTs, text, blocksJson, null, false, null, null, null, null);
    }

    public static Outgoing response(String id, String team, String user, String responseUrl, String text, boolean replaceOriginal) {
        return new Outgoing(id, Kind.RESPONSE, team, user, null, null, text, null, responseUrl, replaceOriginal, null, null, null, null);
    }

    public static Outgoing modal(String id, String team, String user, String triggerId, String viewJson, Instant notAfter) {
        return new Outgoing(id, Kind.MODAL, team, user, null, null, null, viewJson, null, false, triggerId, null, null, notAfter);
    }

    public Outgoing asking(long askedQuestionId, String notifyResponseUrl) {
        return new Outgoing(id, kind, teamId, userId, channel, threadTs, text, blocksJson, responseUrl, replaceOriginal,
                triggerId, askedQuestionId, notifyResponseUrl, notAfter);
    }

    /** Visible in the channel as a normal message (so it can be looked for in its history after a lost reply). */
    public boolean lookable() {
        return kind == Kind.MESSAGE || (kind == Kind.PRIVATE && SlackPoster.isDirectMessage(channel));
    }
}
