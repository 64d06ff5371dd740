package coach.slack.practice;

import coach.slack.Outgoing;
import coach.slack.SlackCommands;
import coach.slack.SlackIds;
import coach.slack.SlackOutbox;
import coach.interview.Learner;
import coach.practice.PracticeService;
import coach.practice.ReminderSender;
import coach.store.Database;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * /practice and the reminder buttons. The command needs the user's zone from their Slack profile, a Web API call,
 * so it is stored as a job before the ack and carried out by it; a snooze is stored before the ack.
 */
public final class PracticeHandlers {
    private final PracticeService practice;
    private final ReminderSender sender;
    private final Database database;
    private final SlackOutbox outbox;
    private final SlackCommands commands;

    public PracticeHandlers(PracticeService practice, ReminderSender sender, Database database, SlackOutbox outbox,
                     SlackCommands commands) {
        this.practice = practice;
        this.sender = sender;
        this.database = database;
        this.outbox = outbox;
        this.commands = commands;
        commands.handle(SlackCommands.Kind.PRACTICE, this::runCommand);
    }

    public void register(App app) {
        app.command("/practice", (req, ctx) -> {
            var p = req.getPayload();
            String text = p.getText() == null ? "" : p.getText().strip();
            Learner who = SlackIds.learner(p.getTeamId(), p.getUserId());
            if (text.isEmpty() || text.equalsIgnoreCase("help") || who == null || p.getResponseUrl() == null) {
                return ctx.ack(r -> r.responseType("ephemeral").text(PracticeMrkdwn.help()));
            }
            commands.submit(SlackCommands.Kind.PRACTICE, who.teamId(), who.userId(), p.getChannelId(), null, text,
                    p.getResponseUrl(), 0);
            return ctx.ack();
        });
        app.blockAction(PracticeViews.ACTION_SKIP, (req, ctx) -> {
            var p = req.getPayload();
            Learner who = SlackIds.learner(p.getTeam() == null ? null : p.getTeam().getId(), userOf(req));
            if (who != null && p.getResponseUrl() != null) {
                outbox.send(Outgoing.response("reply:" + UUID.randomUUID(), who.teamId(), who.userId(), p.getResponseUrl(),
                        "Skipped. See you at your next reminder; `/practice pause 7d` if you need a break.", false));
            }
            return ctx.ack();
        });
        app.blockAction(PracticeViews.ACTION_SNOOZE_HOUR, (req, ctx) -> snooze(req, ctx, false));
        app.blockAction(PracticeViews.ACTION_SNOOZE_TOMORROW, (req, ctx) -> snooze(req, ctx, true));
    }

    /**
     * After the ack. A run repeated after a crash applies the same command again (subscribing twice leaves one
     * subscription, pausing twice one pause) and may answer twice: a response_url reply cannot be looked up.
     */
    private void runCommand(SlackCommands.Command c) {
        Learner who = new Learner(c.teamId(), c.userId());
        ZoneId zone = zoneOf(who);
        database.inTransaction(h -> {
            String reply = PracticeMrkdwn.render(practice.handle(who, c.channel(), zone, c.text()));
            outbox.send(Outgoing.response(c.id() + ":reply", who.teamId(), who.userId(), c.responseUrl(), reply, false));
            return null;
        });
    }

    private Response snooze(BlockActionRequest req, ActionContext ctx, boolean tomorrow) {
        var p = req.getPayload();
        Learner who = SlackIds.learner(p.getTeam() == null ? null : p.getTeam().getId(), userOf(req));
        long id = SlackIds.parseId(p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue());
        if (who != null && id > 0) {
            database.inTransaction(h -> {
                String reply = PracticeMrkdwn.render(practice.snooze(who, id, tomorrow));
                if (p.getResponseUrl() != null) {
                    outbox.send(Outgoing.response("reply:" + UUID.randomUUID(), who.teamId(), who.userId(),
                            p.getResponseUrl(), reply, false));
                }
                return null;
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
}
