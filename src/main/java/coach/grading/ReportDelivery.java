package coach.grading;

/** Where a finished report goes (a Slack thread, the terminal). Throwing makes the grading job retry delivery only. */
@FunctionalInterface
public interface ReportDelivery {
    void deliver(GradedAnswer graded) throws Exception;
}
