package coach.practice;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders as db-scheduler executions in the app's database: one per subscription (instance id = subscription id),
 * rescheduled after every run to the time {@link ReminderService} names. db-scheduler lets one instance of a cluster
 * run an execution at a time and revives one whose instance died; the delivery row keeps a revived run from sending
 * twice.
 */
public final class PracticeJobs {
    private static final Logger log = LoggerFactory.getLogger(PracticeJobs.class);
    /** Data: "subscriptionId@dueEpochSecond": the due time survives retries, for the two-hour rule. */
    public static final TaskDescriptor<String> REMINDER = TaskDescriptor.of("practice-reminder", String.class);
    public static final TaskDescriptor<Long> SNOOZE = TaskDescriptor.of("practice-snooze", Long.class);

    private final CustomTask<String> reminderTask;
    private final OneTimeTask<Long> snoozeTask;
    private final SchedulerClient scheduler;

    /** @param scheduler where reminders are stored (the scheduler running the two tasks picks them up) */
    public PracticeJobs(ReminderService reminders, SchedulerClient scheduler) {
        this.scheduler = scheduler;
        this.reminderTask = Tasks.custom(REMINDER)
                // run() handles Slack failures itself; this only catches the unexpected (e.g. the database is down)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1), 2.0))
                .execute((instance, ctx) -> {
                    String[] parts = instance.getData().split("@");
                    long id = Long.parseLong(parts[0]);
                    Instant due = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                    Optional<ReminderService.Next> next = reminders.run(id, due);
                    return (complete, ops) -> {
                        if (next.isPresent()) {
                            ops.reschedule(complete, next.get().runAt(), data(id, next.get().dueAt()));
                        } else {
                            ops.stop();
                        }
                    };
                });
        this.snoozeTask = Tasks.oneTime(SNOOZE)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1), 2.0)))
                .execute((instance, ctx) -> {
                    try {
                        reminders.runSnooze(instance.getData(), instance.getId());
                    } catch (ReminderSender.SendFailure f) {
                        if (f.kind() != ReminderSender.Kind.UNREACHABLE) {
                            throw new IllegalStateException("snoozed reminder failed: " + f.getMessage(), f);
                        }
                        log.warn("snoozed reminder {}: user unreachable", instance.getData());
                    }
                });
    }

    static String data(long subscriptionId, Instant due) {
        return subscriptionId + "@" + due.getEpochSecond();
    }

    public CustomTask<String> reminderTask() {
        return reminderTask;
    }

    public OneTimeTask<Long> snoozeTask() {
        return snoozeTask;
    }

    /** (Re)schedules a subscription's next reminder, replacing any pending one. */
    public void schedule(long subscriptionId, Instant due) {
        var instance = REMINDER.instance(String.valueOf(subscriptionId)).data(data(subscriptionId, due)).scheduledTo(due);
        SchedulerClient client = scheduler;
        client.getScheduledExecution(REMINDER.instanceId(String.valueOf(subscriptionId)))
                .ifPresentOrElse(existing -> client.reschedule(instance), () -> client.scheduleIfNotExists(instance));
    }

    /** Best effort: a run already in progress stops by itself, as the subscription is no longer active. */
    public void cancel(long subscriptionId) {
        SchedulerClient client = scheduler;
        var id = REMINDER.instanceId(String.valueOf(subscriptionId));
        try {
            client.getScheduledExecution(id).filter(e -> !e.isPicked()).ifPresent(e -> client.cancel(id));
        } catch (RuntimeException e) {
            log.info("reminder {} not cancelled ({}); it will stop at its next run", subscriptionId, e.getClass().getSimpleName());
        }
    }

    public void snooze(long subscriptionId, Instant at) {
        scheduler.scheduleIfNotExists(SNOOZE.instance(subscriptionId + "-" + at.getEpochSecond())
                .data(subscriptionId).scheduledTo(at));
    }
}
