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
}
