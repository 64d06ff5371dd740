package coach.jobs;

import coach.store.Database;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Schedules persistent jobs. Scheduling joins the caller's transaction ({@link Database#inTransaction}), so a row
 * and the job that works on it are stored together or not at all; once committed, {@code wakeUp} nudges the local
 * scheduler to run the job at once instead of at its next poll.
 *
 * <p>The client needs only the kinds of job it schedules and reads back (their names and data types), not the code
 * that runs them: it is built before the services whose jobs the {@code Scheduler} later runs, so nothing is bound late.
 */
public final class Jobs {
    private final SchedulerClient client;

    /**
     * @param kinds  every kind of job this client schedules or looks up
     * @param wakeUp called after a transaction that scheduled or moved a job commits (or at once outside one)
     */
    public Jobs(Database database, List<? extends TaskDescriptor<?>> kinds, Runnable wakeUp) {
        List<Task<?>> known = kinds.stream().<Task<?>>map(Jobs::known).toList();
        SchedulerClient joining = SchedulerClient.Builder.create(database.joiningDataSource(), known).build();
        this.client = (SchedulerClient) Proxy.newProxyInstance(SchedulerClient.class.getClassLoader(),
                new Class<?>[] {SchedulerClient.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(joining, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().startsWith("schedule") || method.getName().equals("reschedule")) {
                        database.afterCommit(wakeUp);
                    }
                    return result;
                });
    }

    /** The client's view of a kind of job: its name and data type (the scheduler holds the code that runs it). */
    private static <T> Task<T> known(TaskDescriptor<T> kind) {
        return Tasks.oneTime(kind).execute((instance, ctx) -> {
            throw new IllegalStateException(kind.getTaskName() + " runs on the scheduler, not on the client");
        });
    }

    /** Schedules a job unless one with the same task and instance id exists (so a repeat is harmless). */
    public boolean scheduleIfNotExists(SchedulableInstance<?> instance) {
        return client.scheduleIfNotExists(instance);
    }

    /** The client: its calls join a transaction in progress, and a new or moved job is run without waiting for a poll. */
    public SchedulerClient client() {
        return client;
    }
}
