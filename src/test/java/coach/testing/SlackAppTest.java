package coach.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real app per test class, served on a free port, with WireMock as the Slack Web API. */
public abstract class SlackAppTest {
    protected static SlackStandIn slack;
    protected static TestApps.Running app;

    @BeforeAll
    static void startApp() throws Exception {
        slack = new SlackStandIn();
        app = TestApps.startSlack(TestApps.env(slack));
    }

    @AfterAll
    static void stopApp() {
        app.close();
        slack.close();
    }
}
