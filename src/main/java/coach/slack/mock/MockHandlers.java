package coach.slack.mock;

import coach.slack.Outgoing;
import coach.slack.SlackCommands;
import coach.slack.SlackIds;
import coach.slack.SlackJson;
import coach.slack.SlackOutbox;
import coach.config.Stage;
import coach.config.StageCatalog;
import coach.grading.GradingJobs;
import coach.grading.GradingService;
import coach.interview.AskedQuestion;
import coach.interview.InterviewService;
import coach.interview.MockCommand;
import coach.interview.Learner;
import coach.store.Database;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The /mock flow in Slack. An ack means stored: what the user typed (an answer, a command that asks for a question)
 * is committed, with the job that carries on from it, before the listener acks; the slow part (choosing and posting
 * the question, grading, an LLM-written follow-up) runs as a persistent job after the ack.
 */
public final class MockHandlers {
    private static final Logger log = LoggerFactory.getLogger(MockHandlers.class);
    /** A modal's trigger_id is dead after 3 seconds: later, opening it is pointless. */
    private static final Duration TRIGGER_LIFE = Duration.ofSeconds(3);

    private final StageCatalog stages;
    private final InterviewService interviews;
    private final GradingJobs gradingJobs;
    private final GradingService grading;
    private final Database database;
    private final SlackOutbox outbox;
    private final SlackCommands commands;
    private final MockPorts.TopLevelMessages topLevel;
    private final MockPorts.ChannelQuestions channelQuestions;
    private final Clock clock;
    private final MockPorts.ProgressCommands progress;

    public record Deps(StageCatalog stages, InterviewService interviews, GradingService grading, GradingJobs gradingJobs,
                Database database, SlackOutbox outbox, SlackCommands commands, Clock clock) {}

    public MockHandlers(Deps deps, MockPorts.TopLevelMessages topLevel, MockPorts.ChannelQuestions channelQuestions,
                        MockPorts.ProgressCommands progress) {
        this.progress = progress;
        this.stages = deps.stages();
        this.interviews = deps.interviews();
        this.grading = deps.grading();
        this.gradingJobs = deps.gradingJobs();
        this.database = deps.database();
        this.outbox = deps.outbox();
        this.commands = deps.commands();
        this.clock = deps.clock();
        this.topLevel = topLevel;
        this.channelQuestions = channelQuestions;
        commands.handle(SlackCommands.Kind.FOLLOW_UP, this::runFollowUp);
        commands.handle(SlackCommands.Kind.ASK, this::runAsk);
    }

    public void register(App app) {
        app.command("/mock", this::mockCommand);
        app.blockAction(Pattern.compile(Pattern.quote(InterviewViews.ACTION_PICK_STAGE) + ".+"), this::nextQuestion);
        app.blockAction(InterviewViews.ACTION_NEXT, this::nextQuestion);
        app.blockAction(InterviewViews.ACTION_ANSWER, this::answerButton);
        // "Try again" opens the same answer modal for the same question: the submission is a new attempt
        app.blockAction(InterviewViews.ACTION_TRY_AGAIN, this::answerButton);
        app.blockAction(InterviewViews.ACTION_FOLLOW_UP, this::followUp);
        app.blockAction(InterviewViews.ACTION_FINISH, (req, ctx) -> {
            var p = req.getPayload();
            Learner who = SlackIds.learner(p);
            if (who != null && p.getResponseUrl() != null) {
                database.inTransaction(h -> {
                    outbox.send(reply(who, p.getResponseUrl(), finish(who)));
                    return null;
                });
            }
            return ctx.ack();
        });
        app.viewSubmission(InterviewViews.MODAL_ANSWER, this::modalAnswer);
        app.event(MessageEvent.class, this::message);
    }

    private Response modalAnswer(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
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
        long askedId = SlackIds.parseId(view.getPrivateMetadata());
        Learner who = SlackIds.learner(payload.getTeam() == null ? null : payload.getTeam().getId(), payload.getUser().getId());
        if (askedId > 0 && who != null) {
            database.inTransaction(h -> {
                interviews.asked(who, askedId).ifPresent(asked -> takeAnswer(asked, text, "modal", "view:" + view.getId()));
                return null;
            });
        }
        return ctx.ack();
    }

    private Response message(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
        MessageEvent e = payload.getEvent();
        if (e.getBotId() != null || e.getSubtype() != null || e.getUser() == null || e.getChannel() == null) {
            return ctx.ack();
        }
        if (e.getThreadTs() == null || e.getThreadTs().equals(e.getTs())) {
            topLevel.onMessage(payload.getTeamId(), payload.getEventId(), e.getChannel(), e.getChannelType(),
                    e.getUser(), e.getTs(), e.getText(), ctx.getBotUserId());
            return ctx.ack();
        }
        Learner who = SlackIds.learner(payload.getTeamId(), e.getUser());
        if (who != null) {
            // a Slack retry of this event finds the answer stored under the same source key: stored once
            database.inTransaction(h -> {
                interviews.byMessage(who, e.getChannel(), e.getThreadTs())
                        .or(() -> channelQuestions.claim(who, e.getChannel(), e.getThreadTs()))
                        .ifPresent(asked -> takeAnswer(asked, e.getText(), "thread", "msg:" + e.getChannel() + ":" + e.getTs()));
                return null;
            });
        }
        return ctx.ack();
    }

    /** `/mock …`: the core's grammar ({@link MockCommand}) decides what was asked; this renders it for Slack. */
    private Response mockCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        MockCommand command = MockCommand.parse(p.getText(), stages);
        if (command instanceof MockCommand.Pick) {
            return ctx.ack(r -> r.responseType("ephemeral").text("Pick a stage").blocks(InterviewViews.stagePicker(stages)));
        }
        if (command instanceof MockCommand.Help) {
            return ctx.ack(r -> r.responseType("ephemeral").text(InterviewViews.help(stages)));
        }
        if (command instanceof MockCommand.Rubric rubric) {
            if (rubric.stage().isEmpty()) {
                return ctx.ack(r -> r.responseType("ephemeral").text("Which stage? For example `/mock rubric system-design`. "
                        + "Stages: " + String.join(", ", stages.all().stream().map(s -> "`" + s.id() + "`").toList())));
            }
            Stage stage = rubric.stage().get();
            return ctx.ack(r -> r.responseType("ephemeral").text("Rubric for " + stage.name())
                    .blocks(InterviewViews.rubric(stage, grading.rubrics().forStage(stage.id()))));
        }
        if (command instanceof MockCommand.Unknown unknown) {
            return ctx.ack(r -> r.responseType("ephemeral")
                    .text(InterviewViews.unknownStage(unknown.typed(), unknown.closest(), stages)));
        }
        if (command instanceof MockCommand.Retry) {
            return ctx.ack(r -> r.responseType("ephemeral").text("To answer a question again, press *Try again* under "
                    + "its report, or reply again in the question's thread: the new attempt is graded and compared."));
        }
        Learner who = SlackIds.learner(p.getTeamId(), p.getUserId());
        if (who == null) {
            return ctx.ack(r -> r.responseType("ephemeral").text("This command needs a user; try again from Slack."));
        }
        if (command instanceof MockCommand.Done) {
            if (p.getResponseUrl() != null) {
                database.inTransaction(h -> {
                    outbox.send(reply(who, p.getResponseUrl(), finish(who)));
                    return null;
                });
            }
            return ctx.ack();
        }
        if (command instanceof MockCommand.Start start) {
            if (p.getChannelId() == null || p.getChannelId().isBlank()) {
                return ctx.ack(r -> r.responseType("ephemeral").text("This command needs a channel; try again from Slack."));
            }
            ask(who, start.stage(), p.getChannelId(), p.getResponseUrl());
            return ctx.ack();
        }
        return progress.command(command, who, p, ctx);
    }

    private Response nextQuestion(BlockActionRequest req, ActionContext ctx) {
        var p = req.getPayload();
        String stageId = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
        Optional<Stage> stage = stages.find(stageId);
        Learner who = SlackIds.learner(p);
        String channel = p.getChannel() != null ? p.getChannel().getId() : null;
        if (stage.isPresent() && who != null && channel != null && !channel.isBlank()) {
            ask(who, stage.get(), channel, p.getResponseUrl());
        }
        return ctx.ack();
    }

    /** Before the ack only the command is stored, as a job: choosing and storing the question is work for after it. */
    private void ask(Learner who, Stage stage, String channel, String responseUrl) {
        commands.submit(SlackCommands.Kind.ASK, who.teamId(), who.userId(), channel, null, stage.id(), responseUrl, 0);
    }

    /** The question is stored and its post queued in one commit; asked once per command, however often it runs. */
    private void runAsk(SlackCommands.Command c) {
        Optional<Stage> stage = stages.find(c.text());
        if (stage.isEmpty()) {
            log.warn("command {}: stage no longer configured", c.id());
            return;
        }
        Learner who = new Learner(c.teamId(), c.userId());
        database.inTransaction(h -> {
            outbox.send(InterviewViews.questionPost(interviews.ask(who, stage.get(), c.channel(), c.id()), c.channel(), c.responseUrl()));
            return null;
        });
    }

    private Response answerButton(BlockActionRequest req, ActionContext ctx) {
        var p = req.getPayload();
        long askedId = p.getActions() == null || p.getActions().isEmpty() ? -1 : SlackIds.parseId(p.getActions().get(0).getValue());
        Learner who = SlackIds.learner(p);
        String triggerId = p.getTriggerId();
        if (askedId > 0 && who != null && triggerId != null) {
            Optional<AskedQuestion> asked = interviews.asked(who, askedId);
            if (asked.isPresent()) {
                outbox.send(Outgoing.modal("modal:" + triggerId, who.teamId(), who.userId(), triggerId,
                        SlackJson.view(InterviewViews.answerModal(asked.get())), clock.instant().plus(TRIGGER_LIFE)));
            } else if (p.getResponseUrl() != null) {
                outbox.send(reply(who, p.getResponseUrl(), "This question was asked of someone else. Start your own with `/mock`."));
            }
        }
        return ctx.ack();
    }

    private Response followUp(BlockActionRequest req, ActionContext ctx) {
        var p = req.getPayload();
        long answerId = p.getActions() == null || p.getActions().isEmpty() ? -1 : SlackIds.parseId(p.getActions().get(0).getValue());
        Learner who = SlackIds.learner(p);
        String channel = p.getChannel() != null ? p.getChannel().getId() : null;
        if (answerId > 0 && who != null && channel != null && !channel.isBlank()) {
            commands.submit(SlackCommands.Kind.FOLLOW_UP, who.teamId(), who.userId(), channel, null, null,
                    p.getResponseUrl(), answerId);
        }
        return ctx.ack();
    }

    /** After the ack: the follow-up may be written by an LLM. Asked once per command, however often it runs. */
    private void runFollowUp(SlackCommands.Command c) {
        Learner who = new Learner(c.teamId(), c.userId());
        var plan = grading.followUp(who, c.ref());
        database.inTransaction(h -> {
            if (plan.isEmpty()) {
                if (c.responseUrl() != null) {
                    outbox.send(Outgoing.response(c.id() + ":reply", who.teamId(), who.userId(), c.responseUrl(),
                            "I can only follow up on your own graded answers. Start with `/mock`.", false));
                }
            } else {
                outbox.send(InterviewViews.questionPost(interviews.askFollowUp(who, plan.get().parent(), plan.get().text(), c.id()),
                        c.channel(), c.responseUrl()));
            }
            return null;
        });
    }

    private String finish(Learner who) {
        String summary = InterviewViews.summary(grading.summary(who));
        interviews.finish(who);
        return summary;
    }


    private static Outgoing reply(Learner who, String responseUrl, String text) {
        return Outgoing.response("reply:" + UUID.randomUUID(), who.teamId(), who.userId(), responseUrl, text, false);
    }

    private void takeAnswer(AskedQuestion asked, String text, String source, String key) {
        if (text == null || text.isBlank()) {
            return;
        }
        interviews.submitAnswer(asked, text, source, key).ifPresent(answer -> {
            gradingJobs.enqueue(answer.id());
            if (asked.channelId() != null) {
                outbox.send(Outgoing.privately("grading:" + answer.id(), asked.teamId(), asked.userId(), asked.channelId(),
                        asked.messageTs(), "Grading your answer…", SlackJson.blocks(progress.gradingWithRating(answer.id()))));
            }
            log.info("answer {} stored ({} chars, via {})", answer.id(), text.length(), source);
        });
    }
}
