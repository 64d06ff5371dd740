package coach.slack.comp;

import coach.comp.CompCommand;
import coach.comp.CompPhraser;
import coach.comp.CompReply;
import coach.comp.CompService;
import coach.slack.EventLog;
import coach.slack.Outgoing;
import coach.slack.SlackCommands;
import coach.slack.SlackOutbox;
import coach.store.Database;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import java.util.Optional;
import java.util.UUID;

/**
 * Compensation questions in Slack: /comp, an @mention, a DM, or any comp question in a channel that opted in with
 * /comp watch. Answers come from comp.yaml only (an LLM may rephrase them, kept only when every figure checks out)
 * and go in a thread. Messages that are not comp questions in watched channels are ignored silently. A question to
 * answer is stored as a job before the ack; the answer is written and posted by that job.
 */
public final class CompHandlers {
    private static final String PRIVATE_NOTE = "\n_Only you can see this. Ask with an @mention to answer in the channel._";

    private final CompService comp;
    private final Optional<CompPhraser> phraser;
    private final WatchedChannels watched;
    private final EventLog events;
    private final Database database;
    private final SlackOutbox outbox;
    private final SlackCommands commands;

    public CompHandlers(CompService comp, Optional<CompPhraser> phraser, WatchedChannels watched, EventLog events,
                 Database database, SlackOutbox outbox, SlackCommands commands) {
        this.comp = comp;
        this.phraser = phraser;
        this.watched = watched;
        this.events = events;
        this.database = database;
        this.outbox = outbox;
        this.commands = commands;
        commands.handle(SlackCommands.Kind.COMP_REPLY, this::runReply);
        commands.handle(SlackCommands.Kind.COMP_PHRASE, this::runPhrase);
    }

    public void register(App app) {
        app.command("/comp", this::compCommand);
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (e.getUser() == null || e.getChannel() == null || e.getBotId() != null) {
                return ctx.ack();
            }
            String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
            queueReply(payload.getTeamId(), payload.getEventId(), e.getUser(), e.getChannel(), thread, withoutMentions(e.getText()));
            return ctx.ack();
        });
    }

    /**
     * A top-level message the mock-interview flow did not take: a DM to the bot, or a message in a channel.
     * Mentions of the bot are left to the app_mention listener, so one message never gets two answers.
     */
    public void onMessage(String team, String eventId, String channel, String channelType, String user, String ts,
                   String text, String botUserId) {
        if (text == null || text.isBlank() || (botUserId != null && text.contains("<@" + botUserId + ">"))) {
            return;
        }
        if ("im".equals(channelType)) {
            queueReply(team, eventId, user, channel, null, comp.isCompQuestion(text) ? text : null);
        } else if (comp.isCompQuestion(text) && watched.isWatched(team, channel)) {
            queueReply(team, eventId, user, channel, ts, text);
        }
    }

    /** Stores the question as a job, once per event (Slack retries an event it thinks was not acked). */
    private void queueReply(String team, String eventId, String user, String channel, String thread, String question) {
        database.inTransaction(h -> {
            if (events.firstDelivery(team, eventId)) {
                commands.submit(SlackCommands.Kind.COMP_REPLY, team, user, channel, thread, question, null, 0);
            }
            return null;
        });
    }

    /** After the ack: may call the LLM to rephrase, then posts in the thread (once, however often it runs). */
    private void runReply(SlackCommands.Command c) {
        String q = c.text();
        CompReply reply = q == null || q.isBlank() ? comp.help() : comp.answer(q);
        String text = q == null ? dmHelp() : CompMrkdwn.render(phraser.map(p -> p.phrase(reply)).orElse(reply));
        outbox.send(Outgoing.message("comp:" + c.id(), c.teamId(), c.userId(), c.channel(), c.threadTs(), text, null));
    }

    private void runPhrase(SlackCommands.Command c) {
        CompReply reply = comp.reply(CompCommand.parse(c.text()));
        outbox.send(Outgoing.response("comp:" + c.id(), c.teamId(), c.userId(), c.responseUrl(),
                CompMrkdwn.render(phraser.map(p -> p.phrase(reply)).orElse(reply)) + PRIVATE_NOTE, false));
    }

    private Response compCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        String text = p.getText() == null ? "" : p.getText().strip();
        CompCommand command = CompCommand.parse(text);
        String team = p.getTeamId();
        String channel = p.getChannelId();
        if (command instanceof CompCommand.Help) {
            return ctx.ack(r -> r.responseType("ephemeral").text(CompMrkdwn.render(comp.help())
                    + "\n• In a channel: `/comp watch` answers every comp question posted there (in a thread); `/comp unwatch` stops."));
        }
        if (command instanceof CompCommand.Watch w) {
            if (team == null || team.isBlank() || channel == null || channel.isBlank() || p.getUserId() == null) {
                return ctx.ack(r -> r.responseType("ephemeral").text("Run `/comp " + (w.on() ? "watch" : "unwatch")
                        + "` in the channel it is for."));
            }
            database.inTransaction(h -> {
                String message = w.on() ? watch(team, channel, p.getUserId()) : unwatch(team, channel);
                if (p.getResponseUrl() != null) {
                    outbox.send(Outgoing.response("reply:" + UUID.randomUUID(), team, p.getUserId(), p.getResponseUrl(), message, false));
                }
                return null;
            });
            return ctx.ack();
        }
        CompReply reply = comp.reply(command);
        if (phraser.isEmpty() || !reply.grounded() || p.getResponseUrl() == null) {
            // deterministic and in memory (well under a millisecond): answered in the ack itself
            return ctx.ack(r -> r.responseType("ephemeral").text(CompMrkdwn.render(reply) + PRIVATE_NOTE));
        }
        commands.submit(SlackCommands.Kind.COMP_PHRASE, team, p.getUserId(), channel, null, text, p.getResponseUrl(), 0);
        return ctx.ack();
    }

    private String watch(String team, String channel, String user) {
        return watched.watch(team, channel, user)
                ? "Watching this channel: I'll answer compensation questions posted here, in a thread. `/comp unwatch` stops it."
                : "I'm already watching this channel for compensation questions. `/comp unwatch` stops it.";
    }

    private String unwatch(String team, String channel) {
        return watched.unwatch(team, channel)
                ? "Stopped watching this channel. Ask me with `/comp <question>` or an @mention."
                : "I wasn't watching this channel. `/comp watch` starts.";
    }

    private String dmHelp() {
        return "I answer compensation questions from the seed data, and run mock interviews with `/mock`.\n"
                + CompMrkdwn.render(comp.help());
    }

    /** "<@U123> what is L4 base?" → "what is L4 base?" */
    static String withoutMentions(String text) {
        return text == null ? "" : text.replaceAll("<@[A-Z0-9]+(\\|[^>]*)?>", " ").strip();
    }
}
