package coach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrkdwnTest {
    @Test
    void mentionsAndEntitiesBecomePlainText() {
        assertThat(Mrkdwn.escape("<!channel> <!here> <@U123> a & b")).isEqualTo("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; a &amp; b");
    }

    @Test
    void bareAtChannelDoesNotNotify() {
        assertThat(Mrkdwn.escape("hey @channel and @here, @everyone")).doesNotContain("@channel", "@here", "@everyone");
    }

    @Test
    void truncationNeverSplitsAnEntity() {
        String escaped = Mrkdwn.escape("aaaa<b");
        assertThat(Mrkdwn.truncate(escaped, 7)).isEqualTo("aaaa…");
        assertThat(Mrkdwn.escape("x".repeat(5000), 3000)).hasSize(3000).endsWith("…");
    }
}
