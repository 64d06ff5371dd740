package coach.slack.mock;

import coach.slack.Outgoing;
import coach.slack.SlackDeliveries;
import coach.slack.SlackFault;
import coach.slack.SlackJson;
import coach.config.StageCatalog;
import coach.grading.GradedAnswer;
import coach.grading.ReportDelivery;
import coach.interview.AskedQuestion;
import coach.jobs.RetryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers graded reports into the question's thread (privately outside DMs), from inside the grading job, so one
 * user's reports keep their order. Each goes through {@link SlackDeliveries} as "report:&lt;answer id&gt;": a
 * retried grading job does not post a report twice. A passing fault becomes {@link RetryLater} (the grading job
 * retries after Slack's Retry-After or with backoff); a fault retrying cannot fix is logged and the report dropped
 * (the grade stays stored).
 */
public final class SlackReports implements ReportDelivery {
    private static final Logger log = LoggerFactory.getLogger(SlackReports.class);
    private final SlackDeliveries deliveries;
    private final StageCatalog stages;

    public SlackReports(SlackDeliveries deliveries, StageCatalog stages) {
        this.deliveries = deliveries;
        this.stages = stages;
    }

    @Override
    public void deliver(GradedAnswer graded) {
        AskedQuestion asked = graded.asked();
        if (asked.channelId() == null) {
            return; // asked outside Slack (console): nothing to post
        }
        var stage = stages.get(asked.stageId());
        send(Outgoing.privately("report:" + graded.answer().id(), asked.teamId(), asked.userId(), asked.channelId(),
                asked.messageTs(), InterviewViews.reportFallback(graded, stage), SlackJson.blocks(InterviewViews.report(graded, stage))));
    }

    @Override
    public void gradingFailed(coach.interview.Answer answer, AskedQuestion asked) {
        if (asked.channelId() == null) {
            return;
        }
        send(Outgoing.privately("grading-failed:" + answer.id(), asked.teamId(), asked.userId(), asked.channelId(),
                asked.messageTs(), "Your answer is saved, but I could not grade it after several tries. It is kept; run `/mock` to "
                        + "practise on, and ask your admin to check the coach's logs if this keeps happening.", null));
    }

    private void send(Outgoing o) {
        try {
            deliveries.postOnce(o);
        } catch (SlackFault f) {
            if (!f.permanent()) {
                throw new RetryLater(f.getMessage(), f.retryAfter());
            }
            log.warn("{} not delivered: {}", o.id(), f.error());
        }
    }
}
