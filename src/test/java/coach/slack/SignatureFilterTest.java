package coach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import coach.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignatureFilterTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final SignatureFilter filter = new SignatureFilter("s3cret", clock, new SimpleMeterRegistry());
    final long now = clock.instant().getEpochSecond();

    @Test
    void theWindowIsFiveMinutesEitherSide() {
        assertThat(filter.withinWindow(String.valueOf(now))).isTrue();
        assertThat(filter.withinWindow(String.valueOf(now - 300))).isTrue();
        assertThat(filter.withinWindow(String.valueOf(now + 300))).isTrue();
        assertThat(filter.withinWindow(String.valueOf(now - 301))).isFalse();
        assertThat(filter.withinWindow(String.valueOf(now + 301))).isFalse();
        assertThat(filter.withinWindow(String.valueOf(now + 10L * 365 * 24 * 3600))).isFalse();
        assertThat(filter.withinWindow("soon")).isFalse();
    }

    @Test
    void readingStopsAtTheCap() throws Exception {
        assertThat(SignatureFilter.readAtMost(new ByteArrayInputStream(new byte[10]), 10)).hasSize(10);
        assertThat(SignatureFilter.readAtMost(new ByteArrayInputStream(new byte[11]), 10)).isNull();
    }
}
