package coach.slack;

import coach.config.StageCatalog;
import coach.grading.GradedAnswer;
import coach.grading.ReportDelivery;
import coach.interview.AskedQuestion;

/** Delivers graded reports into the question's thread (privately outside DMs). */
final class SlackReports implements ReportDelivery {
    private final SlackPoster poster;
    private final StageCatalog stages;

    SlackReports(SlackPoster poster, StageCatalog stages) {
        this.poster = poster;
        this.stages = stages;
    }

    @Override
    public void deliver(GradedAnswer graded) throws Exception {
        AskedQuestion asked = graded.asked();
        if (asked.channelId() == null) {
            return; // asked outside Slack (console): nothing to post
        }
        var stage = stages.get(asked.stageId());
        poster.postPrivately(asked.channelId(), asked.messageTs(), asked.userId(),
                InterviewViews.reportFallback(graded, stage), InterviewViews.report(graded, stage));
    }

    @Override
    public void gradingFailed(coach.interview.Answer answer, AskedQuestion asked) throws Exception {
        if (asked.channelId() == null) {
            return;
        }
        poster.postPrivately(asked.channelId(), asked.messageTs(), asked.userId(),
                "Your answer is saved, but I could not grade it after several tries. It is kept; run `/mock` to "
                        + "practise on, and ask your admin to check the coach's logs if this keeps happening.", null);
    }
}
