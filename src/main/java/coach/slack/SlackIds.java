package coach.slack;

import coach.interview.Learner;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;

/** Reads who and what from Slack payloads; every listener uses these, so a missing id is handled one way. */
public final class SlackIds {
    private SlackIds() {}

    /** The learner behind a request, or null when the payload lacks a team or a user. */
    public static Learner learner(String team, String user) {
        if (team == null || team.isBlank() || user == null || user.isBlank()) {
            return null;
        }
        return new Learner(team, user);
    }

    /** The learner who pressed a button. */
    public static Learner learner(BlockActionPayload p) {
        return learner(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser() == null ? null : p.getUser().getId());
    }

    /** The value of the button pressed ("" when there is none). */
    public static String actionValue(BlockActionPayload p) {
        return p.getActions() == null || p.getActions().isEmpty() || p.getActions().get(0).getValue() == null
                ? "" : p.getActions().get(0).getValue();
    }

    /** A numeric id from a button value or view metadata; -1 when it is not one. */
    public static long parseId(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
