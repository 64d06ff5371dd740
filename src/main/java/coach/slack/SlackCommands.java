package coach.slack;

import coach.jobs.Jobs;
import coach.jobs.RetryLater;
import coach.jobs.RetryPolicy;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user asked for that takes longer than an ack may (an LLM call, a profile lookup), stored as a persistent
 * job before the ack: a crash after the ack loses nothing, the job runs again. A job's own sends go through
 * {@link SlackOutbox} with delivery ids derived from the command's id, so a job that runs twice sends once.
 */
public final class SlackCommands {
    private static final Logger log = LoggerFactory.getLogger(SlackCommands.class);
    public static final TaskDescriptor<Command> RUN = TaskDescriptor.of("slack-command", Command.class);

    public enum Kind { ASK, PRACTICE, COMP_REPLY, COMP_PHRASE, FOLLOW_UP, EXPORT }

    /** @param ref a number the command is about (the answer id of a follow-up) */
    public record Command(String id, Kind kind, String teamId, String userId, String channel, String threadTs,
                          String text, String responseUrl, long ref) implements Serializable {}

    /** Runs one kind of command. Throwing retries it later (backoff in the job's row). */
    @FunctionalInterface
    public interface Handler {
        void run(Command command) throws Exception;
    }

    private final Map<Kind, Handler> handlers = new EnumMap<>(Kind.class);
    private final Clock clock;
    private final OneTimeTask<Command> task;
    private final Jobs jobs;

    public SlackCommands(Clock clock, Jobs jobs) {
        this.jobs = jobs;
        this.clock = clock;
        this.task = Tasks.oneTime(RUN)
                .onFailure(new RetryPolicy<>(5, Duration.ofSeconds(5), Duration.ofMinutes(1),
                        (c, failure) -> log.warn("command {} ({}) given up", c.id(), c.kind())))
                .execute((instance, ctx) -> {
                    Command c = instance.getData();
                    Handler handler = handlers.get(c.kind());
                    if (handler == null) {
                        throw new IllegalStateException("no handler for " + c.kind());
                    }
                    try {
                        handler.run(c);
                    } catch (RetryLater e) {
                        throw e;
                    } catch (Exception e) {
                        // the class only: messages of lower layers may quote the user's text
                        throw new IllegalStateException("command " + c.id() + " failed: " + e.getClass().getSimpleName());
                    }
                });
    }

    public OneTimeTask<Command> task() {
        return task;
    }

    public void handle(Kind kind, Handler handler) {
        handlers.put(kind, handler);
    }

    /** Stores the command as a job (in the caller's transaction, if any); returns its id. */
    public String submit(Kind kind, String team, String user, String channel, String threadTs, String text, String responseUrl, long ref) {
        String id = kind.name().toLowerCase() + ":" + UUID.randomUUID();
        jobs.scheduleIfNotExists(RUN.instance(id)
                .data(new Command(id, kind, team, user, channel, threadTs, text, responseUrl, ref))
                .scheduledTo(clock.instant()));
        return id;
    }
}
