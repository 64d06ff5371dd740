package coach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Runs in its own JVM with {@code -Dfile.encoding=US-ASCII} (see the pom). Slack's signature check (which the app
 * uses, rather than hashing by hand) encodes in the default charset, so there every request with non-ASCII text
 * would be refused: the app must refuse to serve Slack over HTTP at all, and say how to start it instead.
 */
class NonUtf8JvmEndToEndTest {
    @Test
    void slackOverHttpRefusesToStartAndSaysHowToFixIt() {
        assertThat(Charset.defaultCharset()).isNotEqualTo(StandardCharsets.UTF_8);
        try (SlackStandIn slack = new SlackStandIn()) {
            assertThatThrownBy(() -> TestApps.startSlack(TestApps.env(slack)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("-Dfile.encoding=UTF-8");
        } finally {
            // the app's constructor starts loading the embedding model (native code): a JVM that exits mid-load aborts
            coach.grading.SemanticMatcher.shared().awaitReady(60);
        }
    }
}
