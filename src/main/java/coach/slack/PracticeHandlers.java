package coach.slack;

import coach.interview.Learner;
import coach.practice.PracticeService;
import coach.practice.ReminderSender;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** /practice and the reminder buttons. The user's zone comes from their Slack profile, read after the ack. */
final class PracticeHandlers {
    private final PracticeService practice;
    private final ReminderSender sender;
    private final SlackWork work;

    PracticeHandlers(PracticeService practice, ReminderSender sender, SlackWork work) {
        this.practice = practice;
        this.sender = sender;
        this.work = work;
    }

    void register(App app) {
        app.command("/practice", (req, ctx) -> {
            var p = req.getPayload();
            String text = p.getText() == null ? "" : p.getText().strip();
            Learner who = MockHandlers.learner(p.getTeamId(), p.getUserId());
            if (text.isEmpty() || text.equalsIgnoreCase("help") || who == null) {
                return ctx.ack(r -> r.responseType("ephemeral").text(PracticeService.help()));
            }
            work.submit(who.userId(), "practice command", () -> {
                String reply = practice.handle(who, p.getChannelId(), zoneOf(who), text);
                ctx.respond(r -> r.responseType("ephemeral").text(reply));
            });
            return ctx.ack();
        });
        app.blockAction(PracticeViews.ACTION_SKIP, (req, ctx) -> {
            work.submit(userOf(req), "practice skip", () -> ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text("Skipped. See you at your next reminder; `/practice pause 7d` if you need a break.")));
            return ctx.ack();
        });
        app.blockAction(PracticeViews.ACTION_SNOOZE_HOUR, (req, ctx) -> snooze(req, ctx, false));
        app.blockAction(PracticeViews.ACTION_SNOOZE_TOMORROW, (req, ctx) -> snooze(req, ctx, true));
    }

    private Response snooze(BlockActionRequest req, ActionContext ctx, boolean tomorrow) {
        var p = req.getPayload();
        Learner who = MockHandlers.learner(p.getTeam() == null ? null : p.getTeam().getId(), userOf(req));
        long id = parseId(p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue());
        if (who != null && id > 0) {
            work.submit(who.userId(), "practice snooze", () -> {
                String reply = practice.snooze(who, id, tomorrow);
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(reply));
            });
        }
        return ctx.ack();
    }

    private ZoneId zoneOf(Learner who) {
        try {
            return sender.timeZone(who).orElse(ZoneOffset.UTC);
        } catch (ReminderSender.SendFailure e) {
            return ZoneOffset.UTC;
        }
    }

    private static String userOf(BlockActionRequest req) {
        return req.getPayload().getUser() == null ? null : req.getPayload().getUser().getId();
    }

    private static long parseId(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
