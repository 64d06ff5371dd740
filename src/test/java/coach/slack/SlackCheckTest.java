package coach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up check's wording for a host that does not resolve, and the host it names. */
class SlackCheckTest {
    @Test
    void anUnresolvableHostIsSaidSoAndTheTokenWasNotChecked() {
        assertThatThrownBy(() -> SlackCheck.checkBotToken("http://coach-test-host.invalid/api/", "xoxb-x", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Slack is unreachable at coach-test-host.invalid (host not found), so SLACK_BOT_TOKEN was not "
                        + "checked; check the network, the proxy or SLACK_API_URL");
    }

    @Test
    void theHostIsNamedWithItsPortOnlyWhenThereIsOne() {
        assertThat(SlackCheck.host("https://slack.com/api/")).isEqualTo("slack.com");
        assertThat(SlackCheck.host("http://127.0.0.1:8080/api/")).isEqualTo("127.0.0.1:8080");
    }
}
