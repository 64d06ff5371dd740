package coach.console;

import coach.config.Stage;
import coach.config.StageCatalog;
import coach.grading.GradedAnswer;
import coach.comp.CompCommand;
import coach.comp.CompService;
import coach.grading.GradingService;
import coach.interview.InterviewService;
import coach.interview.Learner;
import coach.interview.MockCommand;
import coach.progress.ProgressService;
import coach.store.Durability;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The coach in a terminal, over the same services and database as the Slack app, so anyone can try it without a
 * Slack workspace: {@code /mock <stage>}, type the answer, read the report.
 */
public final class ConsoleCoach {
    static final String END_OF_ANSWER = ".";
    private final StageCatalog stages;
    private final InterviewService interviews;
    private final GradingService grading;
    private final CompService comp;
    private final ProgressService progress;
    private final BufferedReader in;
    private final PrintStream out;
    private final Learner learner;
    /** Waited for once an answer is stored, before anything tells the learner it is (H2 writes commits in batches). */
    private final Durability durability;
    private long lastAnswerId = -1;
    /** The question last answered: what /retry asks again. */
    private InterviewService.Asked lastAsked;
    /** A command typed while an answer was being written, run once the draft was dropped. */
    private String pendingCommand;

    public ConsoleCoach(StageCatalog stages, InterviewService interviews, GradingService grading, CompService comp,
                        ProgressService progress, BufferedReader in, PrintStream out, Learner learner, Durability durability) {
        this.progress = progress;
        this.durability = durability;
        this.comp = comp;
        this.stages = stages;
        this.interviews = interviews;
        this.grading = grading;
        this.in = in;
        this.out = out;
        this.learner = learner;
    }

    public void run() throws IOException {
        out.println("Interview Coach (console mode: no SLACK_BOT_TOKEN is set). Grader: " + grading.graderName() + ".");
        out.println("Type /mock <stage> to practise, /mock for the stages, /mock help for help, quit to leave.");
        // after a restart /followup and /retry still work: the last answer comes from the database
        interviews.lastAnswer(learner).ifPresent(last -> {
            lastAnswerId = last.answer().id();
            lastAsked = last.asked();
        });
        while (true) {
            String line;
            if (pendingCommand != null) {
                line = pendingCommand;
                pendingCommand = null;
            } else {
                out.print("> ");
                out.flush();
                line = in.readLine();
            }
            if (line == null) {
                return;
            }
            String cmd = line.strip();
            if (cmd.isEmpty()) {
                continue;
            }
            String lower = cmd.toLowerCase(Locale.ROOT);
            if (lower.equals("quit") || lower.equals("exit") || lower.equals("/quit")) {
                out.println("Bye. Your answers and grades are saved.");
                return;
            }
            if (lower.equals("/followup") || lower.equals("/follow-up")) {
                if (lastAnswerId < 0) {
                    out.println("Answer a question first: /mock <stage>.");
                } else if (!followUp()) {
                    return;
                }
                continue;
            }
            if (lower.equals("/comp") || lower.startsWith("/comp ")) {
                CompCommand command = CompCommand.parse(cmd.substring(5));
                out.println(command instanceof CompCommand.Watch ? "That works in Slack: /comp watch answers every comp"
                        + " question posted in a channel." : comp.reply(command).facts());
                continue;
            }
            Optional<String> mock = mockArguments(cmd);
            if (mock.isEmpty()) {
                out.println("Commands: /mock <stage>, /mock, /mock rubric <stage>, /followup, /retry, /stats, /mock review, "
                        + "/mock done, /comp <question>, /mock help, quit.");
                continue;
            }
            if (!run(MockCommand.parse(mock.get(), stages))) {
                return;
            }
        }
    }

    /** "/mock sd" → "sd"; the console's shortcuts ("/stats", "/retry", "/review", "help") are /mock words too. */
    static Optional<String> mockArguments(String cmd) {
        String lower = cmd.toLowerCase(Locale.ROOT);
        if (lower.equals("/mock") || lower.startsWith("/mock ")) return Optional.of(cmd.substring(5).strip());
        if (lower.equals("help")) return Optional.of("help");
        if (List.of("/stats", "/retry", "/review").contains(lower)) return Optional.of(lower.substring(1));
        return Optional.empty();
    }

    /** One /mock command, in the same grammar as Slack's; false when input ended. */
    private boolean run(MockCommand command) throws IOException {
        if (command instanceof MockCommand.Pick) {
            printStages();
        } else if (command instanceof MockCommand.Help) {
            printHelp();
        } else if (command instanceof MockCommand.Done) {
            out.println(ReportText.summary(grading.summary(learner)));
            interviews.finish(learner);
            lastAnswerId = -1;
        } else if (command instanceof MockCommand.Rubric rubric) {
            out.println(rubric.stage().map(st -> ReportText.rubric(st, grading.rubrics().forStage(st.id())))
                    .orElse("Which stage? For example: /mock rubric system-design"));
        } else if (command instanceof MockCommand.Unknown unknown) {
            out.println("I don't know the stage '" + unknown.typed() + "'. Did you mean " + unknown.closest().id()
                    + "? Try: /mock " + unknown.closest().id());
        } else if (command instanceof MockCommand.Start start) {
            return interview(start.stage());
        } else if (command instanceof MockCommand.Retry) {
            if (lastAsked == null) {
                out.println("Answer a question first: /mock <stage>. Then /retry answers it again.");
                return true;
            }
            return interview(lastAsked);
        } else if (command instanceof MockCommand.Stats) {
            out.println(ProgressText.render(progress.progress(learner)));
        } else if (command instanceof MockCommand.Review) {
            return review();
        } else {
            // export, forget-me and the team view belong to Slack (a DM file, a confirmation button, a channel)
            out.println("That works in Slack, where it has what it needs (a DM for the file, a confirmation button, a "
                    + "channel). In the console your answers stay in the local database.");
        }
        return true;
    }

    private boolean review() throws IOException {
        var due = progress.dueReviews(learner);
        if (due.isEmpty()) {
            out.println("Nothing is due for review. A question you answer below 70 comes back after 1, 3, 7 and 14 days.");
            return true;
        }
        out.println("Review: " + due.get(0).reason() + ".");
        var asked = interviews.askAgain(learner, due.get(0).stageId(), due.get(0).questionId(), null, null);
        return asked.isEmpty() || interview(asked.get());
    }

    private boolean followUp() throws IOException {
        var plan = grading.followUp(learner, lastAnswerId);
        if (plan.isEmpty()) {
            out.println("Nothing to follow up on yet.");
            return true;
        }
        return interview(interviews.askFollowUp(learner, plan.get().parent(), plan.get().text()));
    }

    private boolean interview(Stage stage) throws IOException {
        return interview(interviews.ask(learner, stage, null));
    }

    /** Asks one question and grades the answer; false when input ended. */
    private boolean interview(InterviewService.Asked asked) throws IOException {
        Stage stage = asked.stage();
        out.println();
        out.println("[" + (asked.asked().kind().equals("follow_up") ? "Follow-up · " : "") + stage.name() + " · "
                + stage.durationMinutes() + " min in the real loop · " + stage.focus() + "]");
        out.println(asked.asked().prompt());
        out.println();
        out.println("Type your answer. End it with a line containing only '" + END_OF_ANSWER + "'.");
        StringBuilder answer = new StringBuilder();
        boolean ended = false;
        while (true) {
            String line = in.readLine();
            if (line == null) {
                ended = true;
                break;
            }
            if (line.strip().equals(END_OF_ANSWER)) {
                break;
            }
            if (line.startsWith("/")) {
                if (dropDraftFor(line, answer)) {
                    return true;
                }
                continue;
            }
            answer.append(line).append('\n');
        }
        String text = answer.toString().strip();
        if (text.isEmpty()) {
            out.println("No answer given, so nothing to grade. Try /mock " + stage.id() + " again when ready.");
            return !ended;
        }
        var stored = interviews.submitAnswer(asked.asked(), text, "console", "console:" + UUID.randomUUID()).orElseThrow();
        durability.await(); // the prompts below and "saved" on quit mean a kill -9 from here on loses nothing
        offerSelfRating(stored.id());
        out.println("Grading…");
        try {
            GradedAnswer graded = grading.gradeOnce(stored.id());
            grading.markReported(graded);
            lastAnswerId = stored.id();
            lastAsked = asked;
            out.println(ReportText.render(graded, stage));
        } catch (RuntimeException e) {
            out.println("Grading failed (" + e.getClass().getSimpleName() + "). Your answer is saved and will be graded later.");
        }
        out.println("Next: /retry to answer this question again, /followup to be probed on your weakest point, /mock "
                + stage.id() + " for another question, /mock done to finish the session.");
        return !ended;
    }

    /**
     * One line, optional: the learner's own rating, compared with grades over time in /stats. Anything but a digit
     * or an empty line is not lost: it runs as the next command once the report is shown.
     */
    private void offerSelfRating(long answerId) throws IOException {
        out.println("How would you rate it yourself, 1 (weak) to 5 (interview-ready)? Enter skips.");
        String line = in.readLine();
        String r = line == null ? "" : line.strip();
        if (r.matches("[1-5]")) {
            progress.rate(learner, answerId, Integer.parseInt(r));
        } else if (!r.isEmpty()) {
            pendingCommand = line; // not a rating: the learner moved on, so it is their next command
        }
    }

    /**
     * A line starting with "/" while an answer is being typed is a command, not part of the answer: it is never
     * added to the draft. The user decides whether to drop the draft and run it; true when they did.
     */
    private boolean dropDraftFor(String command, StringBuilder draft) throws IOException {
        int words = draft.toString().isBlank() ? 0 : draft.toString().strip().split("\\s+").length;
        out.println("“" + command.strip() + "” looks like a command. Drop your draft (" + words + " words) and run it? "
                + "Type y to drop it, anything else to keep writing.");
        String reply = in.readLine();
        if (reply != null && reply.strip().equalsIgnoreCase("y")) {
            out.println("Draft dropped.");
            pendingCommand = command;
            return true;
        }
        out.println("Kept your draft; go on (end with a line containing only '" + END_OF_ANSWER + "').");
        return false;
    }

    private void printStages() {
        out.println("Stages:");
        for (Stage s : stages.all()) {
            out.println("  " + s.id() + (s.aliases().isEmpty() ? "" : " (" + String.join(", ", s.aliases()) + ")")
                    + " – " + s.durationMinutes() + " min, " + s.focus());
        }
        out.println("Start one with /mock <stage>, e.g. /mock system-design");
    }

    private void printHelp() {
        out.println("/mock <stage>  a question for that stage; type your answer, end it with a line '.'");
        out.println("/mock          list the stages");
        out.println("/followup      a follow-up question on your last answer's weakest point");
        out.println("/retry         answer the last question again and see what changed, criterion by criterion");
        out.println("/stats         your progress: by stage and criterion, trends, streak, what to practise next");
        out.println("/mock review   the oldest question due for review (answers below 70 come back after 1, 3, 7, 14 days)");
        out.println("/mock rubric <stage>  how answers are graded; /mock done  finish the session with a summary");
        out.println("/comp <question>  pay figures from the seed data, e.g. /comp what is L4 base in London?");
        out.println("/comp offer level=L4 region=mountain-view base=190k bonus=15% equity=250k  check an offer");
        out.println("quit           leave (answers and grades are kept in the database)");
        out.println("Answers are graded on a rubric that weighs quantified customer impact most:");
        out.println("say what changed for the customer, with numbers (\"feature lag 120 ms → 35 ms, +0.7% CTR\").");
        printStages();
    }
}
