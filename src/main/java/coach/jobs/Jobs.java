package coach.jobs;

import coach.store.Database;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Schedules persistent jobs. Scheduling joins the caller's transaction ({@link Database#inTransaction}), so a row
 * and the job that works on it are stored together or not at all; once committed, the local scheduler is nudged to
 * run the job at once instead of at its next poll.
 */
public final class Jobs {
    private final Database database;
    private final SchedulerClient client;
    private volatile Scheduler scheduler;

    public Jobs(Database database, List<Task<?>> tasks) {
        this.database = database;
        SchedulerClient joining = SchedulerClient.Builder.create(database.joiningDataSource(), tasks).build();
        this.client = (SchedulerClient) Proxy.newProxyInstance(SchedulerClient.class.getClassLoader(),
                new Class<?>[] {SchedulerClient.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(joining, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().startsWith("schedule") || method.getName().equals("reschedule")) {
                        database.afterCommit(this::nudge);
                    }
                    return result;
                });
    }

    public void bind(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Schedules a job unless one with the same task and instance id exists (so a repeat is harmless). */
    public boolean scheduleIfNotExists(SchedulableInstance<?> instance) {
        return client.scheduleIfNotExists(instance);
    }

    /** The client: its calls join a transaction in progress, and a new or moved job is run without waiting for a poll. */
    public SchedulerClient client() {
        return client;
    }

    private void nudge() {
        Scheduler s = scheduler;
        if (s != null) {
            s.triggerCheckForDueExecutions();
        }
    }
}
