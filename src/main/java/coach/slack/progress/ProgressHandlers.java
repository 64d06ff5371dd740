package coach.slack.progress;

import coach.slack.Mrkdwn;
import coach.slack.Outgoing;
import coach.slack.SlackApp;
import coach.slack.SlackCommands;
import coach.slack.SlackFault;
import coach.slack.SlackIds;
import coach.slack.SlackOutbox;
import coach.slack.SlackPoster;
import coach.slack.mock.InterviewViews;
import coach.slack.mock.MockPorts;
import coach.slack.practice.PracticeMrkdwn;
import coach.config.StageCatalog;
import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.interview.MockCommand;
import coach.progress.Progress;
import coach.progress.ProgressService;
import coach.store.Database;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coach's memory in Slack: `/mock stats` and `/mock review`, and the App Home tab with its buttons. Progress is
 * read from the learner's own rows only; a button carries no one else's ids that could be used (the learner is
 * always the user who pressed it).
 */
public final class ProgressHandlers implements MockPorts.ProgressCommands {
    private static final Logger log = LoggerFactory.getLogger(ProgressHandlers.class);
    private final ProgressService progress;
    private final InterviewService interviews;
    private final StageCatalog stages;
    private final Database database;
    private final SlackOutbox outbox;
    private final SlackCommands commands;
    private final SlackPoster poster;
    private final Function<Learner, Map<String, Integer>> forgetAdapterRows;

    /** @param forgetAdapterRows deletes the learner's Slack-only rows (deliveries, signatures, watched channels) */
    public ProgressHandlers(ProgressService progress, InterviewService interviews, StageCatalog stages, Database database,
                     SlackApp.Parts parts, Function<Learner, Map<String, Integer>> forgetAdapterRows) {
        this.progress = progress;
        this.interviews = interviews;
        this.stages = stages;
        this.database = database;
        this.outbox = parts.outbox();
        this.commands = parts.commands();
        this.poster = parts.poster();
        this.forgetAdapterRows = forgetAdapterRows;
    }

    @Override
    public List<com.slack.api.model.block.LayoutBlock> gradingWithRating(long answerId) {
        return ProgressViews.gradingWithRating(answerId);
    }

    public void register(App app) {
        commands.handle(SlackCommands.Kind.EXPORT, this::export);
        app.blockAction(java.util.regex.Pattern.compile("^" + ProgressViews.ACTION_RATE_PREFIX + "[1-5]$"), (req, ctx) -> {
            Learner who = who(req);
            var action = req.getPayload().getActions().get(0);
            int rating = action.getActionId().charAt(action.getActionId().length() - 1) - '0';
            long answerId = SlackIds.parseId(action.getValue());
            String url = req.getPayload().getResponseUrl();
            if (who != null && progress.rate(who, answerId, rating) && url != null) {
                outbox.send(Outgoing.response("rated:" + answerId + ":" + rating, who.teamId(), who.userId(), url,
                        "You rated this answer " + rating + "/5. Your grade arrives in this thread; /mock stats shows how "
                                + "your ratings compare with the grades over time.", true));
            }
            return ctx.ack();
        });
        app.blockAction(ProgressViews.ACTION_FORGET, (req, ctx) -> {
            Learner who = who(req);
            if (who != null) {
                Map<String, Integer> deleted = database.inTransaction(h -> {
                    Map<String, Integer> counts = new LinkedHashMap<>(progress.forget(who));
                    counts.putAll(forgetAdapterRows.apply(who));
                    return counts;
                });
                log.info("forget-me: deleted {} rows", deleted.values().stream().mapToInt(Integer::intValue).sum());
                String url = req.getPayload().getResponseUrl();
                if (url != null) {
                    outbox.send(Outgoing.response("forgot:" + UUID.randomUUID(), who.teamId(), who.userId(), url,
                            ProgressViews.forgotten(deleted), true));
                }
            }
            return ctx.ack();
        });
        registerHome(app);
    }

    /** The App Home tab and its three buttons. */
    private void registerHome(App app) {
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            Learner who = SlackIds.learner(payload.getTeamId(), e.getUser());
            if (who != null && (e.getTab() == null || "home".equals(e.getTab()))) {
                var view = ProgressViews.home(progress.progress(who), e.getChannel());
                // views.publish replaces the whole tab, so a repeat is harmless; the async client honours rate limits
                ctx.asyncClient().viewsPublish(r -> r.userId(who.userId()).view(view))
                        .whenComplete((resp, err) -> {
                            if (err != null || (resp != null && !resp.isOk())) {
                                log.warn("views.publish failed: {}", err != null ? err.getClass().getSimpleName() : resp.getError());
                            }
                        });
            }
            return ctx.ack();
        });
        app.blockAction(ProgressViews.ACTION_START, (req, ctx) -> {
            String[] v = value(req).split("\\|", 2);
            Learner who = who(req);
            if (who != null && v.length == 2 && stages.find(v[0]).isPresent()) {
                database.inTransaction(h -> {
                    outbox.send(InterviewViews.questionPost(interviews.ask(who, stages.get(v[0]), v[1]), v[1], null));
                    return null;
                });
            }
            return ctx.ack();
        });
        app.blockAction(ProgressViews.ACTION_REVIEW, (req, ctx) -> {
            String[] v = value(req).split("\\|", 3);
            Learner who = who(req);
            if (who != null && v.length == 3) {
                askReview(who, v[0], v[1], v[2]);
            }
            return ctx.ack();
        });
        app.blockAction(ProgressViews.ACTION_REMINDERS, (req, ctx) -> {
            Learner who = who(req);
            String channel = value(req);
            if (who != null && !channel.isBlank()) {
                outbox.send(Outgoing.message("reminders-help:" + UUID.randomUUID(), who.teamId(), who.userId(), channel,
                        null, PracticeMrkdwn.help(), null));
            }
            return ctx.ack();
        });
    }

    /**
     * The progress commands of /mock: `stats` answers in the ack (a couple of indexed queries), `review` asks the
     * oldest due question, `export` runs after the ack, `forget-me` asks for confirmation, `team` is the channel's view.
     */
    @Override
    public Response command(MockCommand command, Learner who, SlashCommandPayload p,
                            com.slack.api.bolt.context.builtin.SlashCommandContext ctx) {
        if (command instanceof MockCommand.Team team) {
            return ctx.ack(r -> r.responseType("ephemeral").text(team(who, p.getChannelId(), team.action())));
        }
        if (command instanceof MockCommand.Export) {
            commands.submit(SlackCommands.Kind.EXPORT, who.teamId(), who.userId(), p.getChannelId(), null, null,
                    p.getResponseUrl(), 0);
            return ctx.ack(r -> r.responseType("ephemeral").text("I am sending your history as a CSV file in our DM: "
                    + "every question, your answer, the score and each criterion, with dates."));
        }
        if (command instanceof MockCommand.ForgetMe) {
            return ctx.ack(r -> r.responseType("ephemeral").text("Delete everything about you?")
                    .blocks(ProgressViews.forgetConfirmation()));
        }
        if (command instanceof MockCommand.Review) {
            return review(who, p, ctx);
        }
        Progress mine = progress.progress(who);
        return ctx.ack(r -> r.responseType("ephemeral").text("Your progress").blocks(ProgressViews.stats(mine)));
    }

    private Response review(Learner who, SlashCommandPayload p, com.slack.api.bolt.context.builtin.SlashCommandContext ctx) {
        List<Progress.ReviewItem> due = progress.dueReviews(who);
        if (due.isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral").text("Nothing is due for review. A question you answer below "
                    + "70 comes back after 1, 3, 7 and 14 days; an answer of 70 or more ends its schedule."));
        }
        Progress.ReviewItem first = due.get(0);
        askReview(who, first.stageId(), first.questionId(), p.getChannelId());
        return ctx.ack(r -> r.responseType("ephemeral").text("Review: " + Mrkdwn.escape(first.reason())
                + (due.size() > 1 ? ". " + (due.size() - 1) + " more due after this one." : ".")));
    }

    /** `/mock team [join|leave]` in a channel: opt in or out, or the channel's aggregates (three members or more). */
    private String team(Learner who, String channel, String sub) {
        if (channel == null || channel.isBlank() || SlackPoster.isDirectMessage(channel)) {
            return "The team view belongs to a channel: run `/mock team join` in your team's channel.";
        }
        var team = progress.team();
        return switch (sub) {
            case "join" -> team.join(who, channel)
                    ? "You joined this channel's team view. It shows only aggregates (how many practised this week, the "
                            + "average by stage), never your own scores, and nothing until " + coach.progress.TeamView.MIN_MEMBERS
                            + " members have joined. `/mock team leave` leaves."
                    : "You are already in this channel's team view. `/mock team leave` leaves.";
            case "leave" -> team.leave(who, channel) ? "You left this channel's team view." : "You were not in it.";
            case "" -> ProgressViews.team(team.summary(who.teamId(), channel));
            default -> "Try `/mock team` (the channel's aggregates), `/mock team join` or `/mock team leave`.";
        };
    }

    /** After the ack: the CSV goes to the learner's DM (only they can see it), uploaded with Slack's current flow. */
    private void export(SlackCommands.Command c) throws SlackFault {
        Learner who = new Learner(c.teamId(), c.userId());
        String csv = progress.exportCsv(who);
        SlackPoster teamPoster = poster.forTeam(who.teamId());
        String dm = teamPoster.openDm(who.userId());
        teamPoster.uploadFile(dm, "interview-coach-history.csv", "Your Interview Coach history", csv,
                "Your history: every question, your answer, the score and each criterion. Only you can see this DM.");
    }

    private void askReview(Learner who, String stageId, String questionId, String channel) {
        if (channel == null || channel.isBlank()) return;
        database.inTransaction(h -> {
            Optional<InterviewService.Asked> asked = interviews.askAgain(who, stageId, questionId, channel, null);
            asked.ifPresent(a -> outbox.send(InterviewViews.questionPost(a, channel, null)));
            return null;
        });
    }

    private static Learner who(BlockActionRequest req) {
        return SlackIds.learner(req.getPayload());
    }

    private static String value(BlockActionRequest req) {
        return SlackIds.actionValue(req.getPayload());
    }
}
