package coach.progress;

import static org.assertj.core.api.Assertions.assertThat;

import coach.grading.ScoredAnswer;
import coach.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spaced review, trends and sparklines on fixtures, with a controllable clock. */
class SpacedReviewTest {
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    long ids = 1;

    ScoredAnswer answer(String question, int overall, Instant at, Map<String, Integer> criteria) {
        long id = ids++;
        return new ScoredAnswer(id, id, question, "main", "system-design", overall, criteria, at);
    }

    List<String> dueQuestions(List<ScoredAnswer> history, Instant now) {
        return SpacedReview.due(history, now, id -> id).stream().map(Progress.ReviewItem::questionId).toList();
    }

    @Test
    void aWeakAnswerComesBackAfterOneThreeSevenAndFourteenDaysAndAStrongOneEndsIt() {
        MutableClock clock = new MutableClock(T0);
        List<ScoredAnswer> history = new ArrayList<>(List.of(answer("q1", 38, T0, Map.of("customer-impact", 1, "tradeoffs", 3))));
        assertThat(dueQuestions(history, clock.instant())).isEmpty();
        clock.advance(Duration.ofHours(23));
        assertThat(dueQuestions(history, clock.instant())).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(dueQuestions(history, clock.instant())).containsExactly("q1");
        var item = SpacedReview.due(history, clock.instant(), id -> id.equals("customer-impact") ? "quantified impact" : id).get(0);
        assertThat(item.reason()).isEqualTo("you scored 38 here yesterday; weakest: quantified impact");

        history.add(answer("q1", 45, clock.instant(), Map.of())); // second weak attempt: back after 3 days
        clock.advance(Duration.ofDays(2));
        assertThat(dueQuestions(history, clock.instant())).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(dueQuestions(history, clock.instant())).containsExactly("q1");

        history.add(answer("q1", 50, clock.instant(), Map.of())); // third: 7 days
        clock.advance(Duration.ofDays(6));
        assertThat(dueQuestions(history, clock.instant())).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(dueQuestions(history, clock.instant())).containsExactly("q1");

        history.add(answer("q1", 55, clock.instant(), Map.of())); // fourth and later: 14 days
        clock.advance(Duration.ofDays(13));
        assertThat(dueQuestions(history, clock.instant())).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(dueQuestions(history, clock.instant())).containsExactly("q1");

        history.add(answer("q1", 74, clock.instant(), Map.of())); // strong band: the schedule ends
        clock.advance(Duration.ofDays(100));
        assertThat(dueQuestions(history, clock.instant())).isEmpty();
    }

    @Test
    void dueItemsComeOldestFirstAndFollowUpsAreNotReviewed() {
        List<ScoredAnswer> history = List.of(
                answer("late", 30, T0.plus(Duration.ofDays(2)), Map.of()),
                answer("early", 30, T0, Map.of()),
                new ScoredAnswer(99, 99, "follow", "follow_up", "system-design", 10, Map.of(), T0));
        assertThat(dueQuestions(history, T0.plus(Duration.ofDays(10)))).containsExactly("early", "late");
    }

    @Test
    void trendsNeedAHalfLevelChangeAndFlatAtFourIsTheCeiling() {
        assertThat(Trend.of(List.of(2, 2, 3, 4, 4))).isEqualTo(Trend.IMPROVING);
        assertThat(Trend.of(List.of(4, 4, 3, 2, 2))).isEqualTo(Trend.DECLINING);
        assertThat(Trend.of(List.of(2, 2, 2, 2, 2))).isEqualTo(Trend.FLAT);
        assertThat(Trend.of(List.of(4, 5, 4, 4, 5))).isEqualTo(Trend.AT_CEILING);
        assertThat(Trend.of(List.of(1, 1, 1, 1, 1, 1, 1, 3, 3, 3))).isEqualTo(Trend.IMPROVING); // last five only
        assertThat(Trend.sparkline(List.of(0, 50, 100))).isEqualTo("▁▄█");
    }
}
