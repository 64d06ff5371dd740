package coach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
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

    @Test
    void utf8SignatureMatchesBoltsForAsciiAndSignsUtf8BytesOtherwise() {
        String ascii = "command=%2Fmock&text=sd";
        assertThat(new Utf8SignatureGenerator("s3cret").generate("1700000000", ascii))
                .isEqualTo(new SlackSignature.Generator("s3cret").generate("1700000000", ascii));
        String utf8 = "{\"text\":\"120 ms → 35 ms, £40k 🚀\"}";
        assertThat(new Utf8SignatureGenerator("s3cret").generate("1700000000", utf8))
                .isEqualTo(coach.testing.SignedClient.sign("s3cret", 1700000000L, utf8));
    }
}
