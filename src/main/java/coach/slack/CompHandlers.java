package coach.slack;

import coach.comp.CompPhraser;
import coach.comp.CompReply;
import coach.comp.CompService;
import coach.comp.WatchedChannels;
import coach.store.EventLog;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compensation questions in Slack: /comp, an @mention, a DM, or any comp question in a channel that opted in with
 * /comp watch. Answers come from comp.yaml only (an LLM may rephrase them, kept only when every figure checks out)
 * and go in a thread. Messages that are not comp questions in watched channels are ignored silently.
 */
final class CompHandlers {
    private static final Logger log = LoggerFactory.getLogger(CompHandlers.class);
    private static final String PRIVATE_NOTE = "\n_Only you can see this. Ask with an @mention to answer in the channel._";

    private final CompService comp;
    private final Optional<CompPhraser> phraser;
    private final WatchedChannels watched;
    private final EventLog events;
    private final SlackPoster poster;
    private final SlackWork work;

    CompHandlers(CompService comp, Optional<CompPhraser> phraser, WatchedChannels watched, EventLog events,
                 SlackPoster poster, SlackWork work) {
        this.comp = comp;
        this.phraser = phraser;
        this.watched = watched;
        this.events = events;
        this.poster = poster;
        this.work = work;
    }

    void register(App app) {
        app.command("/comp", this::compCommand);
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (e.getUser() == null || e.getChannel() == null || e.getBotId() != null) {
                return ctx.ack();
            }
            String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
            String question = withoutMentions(e.getText());
            String team = payload.getTeamId();
            String eventId = payload.getEventId();
            work.submit(e.getUser(), "comp mention", () -> {
                if (events.firstDelivery(team, eventId)) {
                    reply(e.getChannel(), thread, question.isBlank() ? comp.help() : comp.answer(question));
                }
            });
            return ctx.ack();
        });
    }

    /**
     * A top-level message the mock-interview flow did not take: a DM to the bot, or a message in a channel.
     * Mentions of the bot are left to the app_mention listener, so one message never gets two answers.
     */
    void onMessage(String team, String eventId, String channel, String channelType, String user, String ts,
                   String text, String botUserId) {
        if (text == null || text.isBlank() || (botUserId != null && text.contains("<@" + botUserId + ">"))) {
            return;
        }
        boolean direct = "im".equals(channelType);
        work.submit(user, "comp message", () -> {
            if (direct) {
                if (!events.firstDelivery(team, eventId)) return;
                reply(channel, null, comp.isCompQuestion(text) ? comp.answer(text) : dmHelp());
            } else if (comp.isCompQuestion(text) && watched.isWatched(team, channel)) {
                if (!events.firstDelivery(team, eventId)) return;
                reply(channel, ts, comp.answer(text));
            }
        });
    }

    private Response compCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        String text = p.getText() == null ? "" : p.getText().strip();
        String first = text.isEmpty() ? "" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String team = p.getTeamId();
        String channel = p.getChannelId();
        switch (first) {
            case "", "help" -> {
                return ctx.ack(r -> r.responseType("ephemeral").text(comp.help().text()
                        + "\n• In a channel: `/comp watch` answers every comp question posted there (in a thread); `/comp unwatch` stops."));
            }
            case "watch", "unwatch" -> {
                if (team == null || team.isBlank() || channel == null || channel.isBlank() || p.getUserId() == null) {
                    return ctx.ack(r -> r.responseType("ephemeral").text("Run `/comp " + first + "` in the channel it is for."));
                }
                work.submit(p.getUserId(), "comp " + first, () -> {
                    String message = first.equals("watch")
                            ? (watched.watch(team, channel, p.getUserId())
                                ? "Watching this channel: I'll answer compensation questions posted here, in a thread. `/comp unwatch` stops it."
                                : "I'm already watching this channel for compensation questions. `/comp unwatch` stops it.")
                            : (watched.unwatch(team, channel)
                                ? "Stopped watching this channel. Ask me with `/comp <question>` or an @mention."
                                : "I wasn't watching this channel. `/comp watch` starts.");
                    ctx.respond(r -> r.responseType("ephemeral").text(message));
                });
                return ctx.ack();
            }
            default -> {
                String question = first.equals("offer") ? text.substring(5).strip() : text;
                CompReply reply = first.equals("offer") ? comp.checkOffer(question) : comp.answer(question);
                if (phraser.isEmpty() || !reply.grounded()) {
                    // deterministic and in memory (well under a millisecond): answered in the ack itself
                    return ctx.ack(r -> r.responseType("ephemeral").text(reply.text() + PRIVATE_NOTE));
                }
                work.submit(p.getUserId(), "comp phrase", () -> ctx.respond(r -> r.responseType("ephemeral")
                        .text(phraser.get().phrase(reply).text() + PRIVATE_NOTE)));
                return ctx.ack();
            }
        }
    }

    private CompReply dmHelp() {
        CompReply help = comp.help();
        return new CompReply("I answer compensation questions from the seed data, and run mock interviews with `/mock`.\n"
                + help.text(), help.sources(), false);
    }

    /** Runs off the request thread: may call the LLM to rephrase, then posts in the thread. */
    private void reply(String channel, String threadTs, CompReply reply) throws Exception {
        CompReply text = phraser.map(p -> p.phrase(reply)).orElse(reply);
        try {
            poster.post(channel, threadTs, text.text(), null);
        } catch (SlackPoster.SlackCallException e) {
            log.info("could not post a comp answer: {}", e.error());
        }
    }

    /** "<@U123> what is L4 base?" → "what is L4 base?" */
    static String withoutMentions(String text) {
        return text == null ? "" : text.replaceAll("<@[A-Z0-9]+(\\|[^>]*)?>", " ").strip();
    }
}
