package coach.slack;

import coach.config.Stage;
import coach.config.StageCatalog;
import coach.grading.GradingJobs;
import coach.grading.GradingService;
import coach.interview.AskedQuestion;
import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.store.EventLog;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The /mock flow in Slack. Every listener acks at once and hands the rest (database, Web API) to {@link SlackWork}.
 */
final class MockHandlers {
    private static final Logger log = LoggerFactory.getLogger(MockHandlers.class);

    private final StageCatalog stages;
    private final InterviewService interviews;
    private final GradingJobs gradingJobs;
    private final GradingService grading;
    private final EventLog events;
    private final SlackPoster poster;
    private final SlackWork work;
    private final TopLevelMessages topLevel;
    private final ChannelQuestions channelQuestions;

    /** A channel's question of the day: a member's reply in its thread becomes their own asked question. */
    interface ChannelQuestions {
        Optional<AskedQuestion> claim(Learner who, String channelId, String messageTs);
    }

    /** Where top-level messages (not thread replies to a question) go: the comp feature. */
    interface TopLevelMessages {
        void onMessage(String team, String eventId, String channel, String channelType, String user, String ts,
                       String text, String botUserId);
    }

    MockHandlers(StageCatalog stages, InterviewService interviews, GradingService grading, GradingJobs gradingJobs,
                 EventLog events, SlackPoster poster, SlackWork work, TopLevelMessages topLevel,
                 ChannelQuestions channelQuestions) {
        this.topLevel = topLevel;
        this.channelQuestions = channelQuestions;
        this.stages = stages;
        this.interviews = interviews;
        this.grading = grading;
        this.gradingJobs = gradingJobs;
        this.events = events;
        this.poster = poster;
        this.work = work;
    }

    void register(App app) {
        app.command("/mock", this::mockCommand);
        app.blockAction(Pattern.compile(Pattern.quote(InterviewViews.ACTION_PICK_STAGE) + ".+"), this::nextQuestion);
        app.blockAction(InterviewViews.ACTION_NEXT, this::nextQuestion);
        app.blockAction(InterviewViews.ACTION_ANSWER, this::answerButton);
        app.blockAction(InterviewViews.ACTION_FOLLOW_UP, this::followUp);
        app.blockAction(InterviewViews.ACTION_FINISH, (req, ctx) -> {
            var p = req.getPayload();
            Learner who = learner(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser() == null ? null : p.getUser().getId());
            if (who != null) {
                work.submit(who.userId(), "finish session", () -> ctx.respond(r -> r.responseType("ephemeral")
                        .replaceOriginal(false).text(finish(who))));
            }
            return ctx.ack();
        });
        app.viewSubmission(InterviewViews.MODAL_ANSWER, (req, ctx) -> {
            var payload = req.getPayload();
            var view = payload.getView();
            String text = Optional.ofNullable(view.getState()).map(s -> s.getValues())
                    .map(v -> v.get(InterviewViews.ANSWER_BLOCK)).map(b -> b.get(InterviewViews.ANSWER_INPUT))
                    .map(v -> v.getValue()).orElse("");
            if (text == null || text.isBlank()) {
                // the modal stays open with whatever was typed; nothing is lost
                return ctx.ackWithErrors(Map.of(InterviewViews.ANSWER_BLOCK,
                        "Write your answer before submitting. Tip: name the customer impact with numbers."));
            }
            long askedId = parseId(view.getPrivateMetadata());
            Learner who = learner(payload.getTeam() == null ? null : payload.getTeam().getId(), payload.getUser().getId());
            if (askedId <= 0 || who == null) {
                return ctx.ack();
            }
            String key = "view:" + view.getId();
            work.submit(who.userId(), "modal answer", () -> interviews.asked(who, askedId)
                    .ifPresent(asked -> takeAnswer(asked, text, "modal", key)));
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            if (e.getBotId() != null || e.getSubtype() != null || e.getUser() == null || e.getChannel() == null) {
                return ctx.ack();
            }
            if (e.getThreadTs() == null || e.getThreadTs().equals(e.getTs())) {
                topLevel.onMessage(payload.getTeamId(), payload.getEventId(), e.getChannel(), e.getChannelType(),
                        e.getUser(), e.getTs(), e.getText(), ctx.getBotUserId());
                return ctx.ack();
            }
            String team = payload.getTeamId();
            String eventId = payload.getEventId();
            work.submit(e.getUser(), "thread answer", () -> {
                if (!events.firstDelivery(team, eventId)) {
                    return;
                }
                Learner who = learner(team, e.getUser());
                if (who == null) {
                    return;
                }
                interviews.byMessage(who, e.getChannel(), e.getThreadTs())
                        .or(() -> channelQuestions.claim(who, e.getChannel(), e.getThreadTs()))
                        .ifPresent(asked -> takeAnswer(asked, e.getText(), "thread",
                                "msg:" + e.getChannel() + ":" + e.getTs()));
            });
            return ctx.ack();
        });
    }

    private Response mockCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        String text = p.getText() == null ? "" : p.getText().strip();
        String first = text.isEmpty() ? "" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (first.isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral").text("Pick a stage").blocks(InterviewViews.stagePicker(stages)));
        }
        if (first.equals("help") || first.equals("?")) {
            return ctx.ack(r -> r.responseType("ephemeral").text(InterviewViews.help(stages)));
        }
        if (first.equals("rubric")) {
            String[] words = text.split("\\s+");
            Optional<Stage> rubricStage = words.length > 1 ? stages.find(words[1]) : Optional.empty();
            if (rubricStage.isEmpty()) {
                return ctx.ack(r -> r.responseType("ephemeral").text("Which stage? For example `/mock rubric system-design`. "
                        + "Stages: " + String.join(", ", stages.all().stream().map(s -> "`" + s.id() + "`").toList())));
            }
            return ctx.ack(r -> r.responseType("ephemeral").text("Rubric for " + rubricStage.get().name())
                    .blocks(InterviewViews.rubric(rubricStage.get(), grading.rubrics().forStage(rubricStage.get().id()))));
        }
        if (first.equals("done") || first.equals("finish") || first.equals("end")) {
            Learner who = learner(p.getTeamId(), p.getUserId());
            if (who != null) {
                work.submit(who.userId(), "finish session", () -> ctx.respond(r -> r.responseType("ephemeral").text(finish(who))));
            }
            return ctx.ack();
        }
        Optional<Stage> stage = stages.find(first);
        if (stage.isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral")
                    .text(InterviewViews.unknownStage(text, stages.closest(first), stages)));
        }
        Learner who = learner(p.getTeamId(), p.getUserId());
        if (who == null || p.getChannelId() == null || p.getChannelId().isBlank()) {
            return ctx.ack(r -> r.responseType("ephemeral").text("This command needs a user and a channel; try again from Slack."));
        }
        boolean queued = work.submit(who.userId(), "ask question", () -> askAndPost(who, stage.get(), p.getChannelId(), ctx));
        return queued ? ctx.ack() : ctx.ack(r -> r.responseType("ephemeral").text("I'm busy right now; try again in a minute."));
    }

    private Response nextQuestion(BlockActionRequest req, ActionContext ctx) {
        var p = req.getPayload();
        String stageId = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
        Optional<Stage> stage = stages.find(stageId);
        Learner who = learner(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser() == null ? null : p.getUser().getId());
        String channel = p.getChannel() != null ? p.getChannel().getId() : null;
        if (stage.isPresent() && who != null && channel != null && !channel.isBlank()) {
            work.submit(who.userId(), "ask question", () -> askAndPost(who, stage.get(), channel, ctx));
        }
        return ctx.ack();
    }

    private Response answerButton(BlockActionRequest req, ActionContext ctx) {
        var p = req.getPayload();
        long askedId = p.getActions() == null || p.getActions().isEmpty() ? -1 : parseId(p.getActions().get(0).getValue());
        Learner who = learner(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser() == null ? null : p.getUser().getId());
        String triggerId = p.getTriggerId();
        if (askedId > 0 && who != null && triggerId != null) {
            work.submit(who.userId(), "open answer modal", () -> {
                Optional<AskedQuestion> asked = interviews.asked(who, askedId);
                if (asked.isEmpty()) {
                    ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                            .text("This question was asked of someone else. Start your own with `/mock`."));
                    return;
                }
                poster.openModal(triggerId, InterviewViews.answerModal(asked.get()));
            });
        }
        return ctx.ack();
    }

    private Response followUp(BlockActionRequest req, ActionContext ctx) {
        var p = req.getPayload();
        long answerId = p.getActions() == null || p.getActions().isEmpty() ? -1 : parseId(p.getActions().get(0).getValue());
        Learner who = learner(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser() == null ? null : p.getUser().getId());
        String channel = p.getChannel() != null ? p.getChannel().getId() : null;
        if (answerId > 0 && who != null && channel != null && !channel.isBlank()) {
            work.submit(who.userId(), "follow-up", () -> {
                var plan = grading.followUp(who, answerId);
                if (plan.isEmpty()) {
                    ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                            .text("I can only follow up on your own graded answers. Start with `/mock`."));
                    return;
                }
                post(interviews.askFollowUp(who, plan.get().parent(), plan.get().text()), channel, ctx);
            });
        }
        return ctx.ack();
    }

    private String finish(Learner who) {
        String summary = InterviewViews.summary(grading.summary(who));
        interviews.finish(who);
        return summary;
    }

    private void askAndPost(Learner who, Stage stage, String channel, com.slack.api.bolt.context.Context ctx) throws Exception {
        post(interviews.ask(who, stage, channel), channel, ctx);
    }

    private void post(InterviewService.Asked asked, String channel, com.slack.api.bolt.context.Context ctx) throws Exception {
        Stage stage = asked.stage();
        try {
            String ts = poster.post(channel, null, InterviewViews.questionFallback(stage, asked.asked()),
                    InterviewViews.question(stage, asked.asked(), asked.question().pillar()));
            interviews.attachMessage(asked.asked(), channel, ts);
        } catch (SlackPoster.SlackCallException e) {
            log.info("could not post a question: {}", e.error());
            if (ctx instanceof SlashCommandContext sc) {
                sc.respond(r -> r.responseType("ephemeral").text(cannotPost(e.error())));
            } else if (ctx instanceof ActionContext ac) {
                ac.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(cannotPost(e.error())));
            }
        }
    }

    private static String cannotPost(String error) {
        return switch (error) {
            case "not_in_channel", "channel_not_found" ->
                    "I can't post in this channel. Invite me with `/invite @Interview Coach`, or run `/mock` in a DM with me.";
            default -> "Slack refused the question (" + error + "). Try again, or run `/mock` in a DM with me.";
        };
    }

    private void takeAnswer(AskedQuestion asked, String text, String source, String key) {
        if (text == null || text.isBlank()) {
            return;
        }
        interviews.submitAnswer(asked, text, source, key).ifPresent(answer -> {
            gradingJobs.enqueue(answer.id());
            log.info("answer {} stored ({} chars, via {})", answer.id(), text.length(), source);
        });
    }

    static Learner learner(String team, String user) {
        if (team == null || team.isBlank() || user == null || user.isBlank()) {
            return null;
        }
        return new Learner(team, user);
    }

    private static long parseId(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
