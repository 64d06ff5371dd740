package coach.slack;

import static coach.testing.SlackStandIn.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.testing.SignedClient;
import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Two full app instances (HTTP, Bolt, db-scheduler) on one PostgreSQL, as behind a load balancer: the same signed
 * request delivered to both is processed once, every answer is graded once and reported once, and one learner's
 * reports arrive in the order the answers were sent, whichever instance took them.
 */
class TwoAppInstancesOnPostgresTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sameTrafficToTwoInstancesIsHandledOnceAndInOrder() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(); SlackStandIn slack = new SlackStandIn()) {
            Map<String, String> env = TestApps.env(slack);
            env.put("COACH_DB_URL", pg.getJdbcUrl("postgres", "postgres"));
            try (TestApps.Running a = TestApps.startSlack(env); TestApps.Running b = TestApps.startSlack(env)) {
                List<String> threads = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    // the very same signed command reaches both instances (a retry through another instance)
                    String body = SignedClient.form(Map.of("team_id", "T1", "channel_id", "DPG", "user_id", "UPG",
                            "command", "/mock", "text", "coding", "response_url", slack.responseUrl(),
                            "trigger_id", "t" + i, "api_app_id", "A1", "user_name", "u", "channel_name", "directmessage"));
                    long ts = System.currentTimeMillis() / 1000;
                    String signature = SignedClient.sign(SignedClient.SECRET, ts, body);
                    assertThat(a.client().send(body, "application/x-www-form-urlencoded", ts, signature, Map.of())
                            .statusCode()).isEqualTo(200);
                    assertThat(b.client().send(body, "application/x-www-form-urlencoded", ts, signature, Map.of())
                            .statusCode()).isEqualTo(200);
                    int n = i;
                    threads.add(await().atMost(Duration.ofSeconds(20)).until(() -> a.database().jdbi().withHandle(h ->
                            h.createQuery("select message_ts from asked_question where user_id = 'UPG' and message_ts is "
                                    + "not null order by id limit 1 offset :n").bind("n", n).mapTo(String.class)
                                    .findFirst().orElse(null)), Objects::nonNull));
                }
                int asked = a.database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from asked_question where user_id = 'UPG'").mapTo(Integer.class).one());
                assertThat(asked).isEqualTo(4); // four commands, each delivered twice: four questions

                for (int i = 0; i < 4; i++) {
                    String event = JSON.writeValueAsString(Map.of("token", "x", "team_id", "T1", "api_app_id", "A1",
                            "type", "event_callback", "event_id", "EvPG" + i, "event_time", 1800000000,
                            "event", Map.of("type", "message", "channel", "DPG", "user", "UPG", "channel_type", "im",
                                    "text", "Answer " + i + ": a deque and a hash map, O(1) amortised; p99 fell from 40 ms "
                                            + "to 4 ms for the recommendations team.",
                                    "ts", "1800000300.00000" + i, "thread_ts", threads.get(i))));
                    // alternate instances, and deliver each event to the other one too (Slack's retry)
                    (i % 2 == 0 ? a : b).client().event(event, Map.of());
                    (i % 2 == 0 ? b : a).client().event(event, Map.of("X-Slack-Retry-Num", "1"));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> reports(slack).size() >= 4);
                // and it stays at four: no duplicate report shows up from either instance
                await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> reports(slack).size() == 4);
                assertThat(reports(slack)).containsExactlyElementsOf(threads);
                int answers = a.database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from answer where user_id = 'UPG'").mapTo(Integer.class).one());
                int grades = a.database().jdbi().withHandle(h -> h.createQuery(
                        "select count(*) from grade where user_id = 'UPG'").mapTo(Integer.class).one());
                assertThat(answers).isEqualTo(4);
                assertThat(grades).isEqualTo(4);
            }
        }
    }

    static List<String> reports(SlackStandIn slack) {
        return slack.calls("chat.postMessage").stream().filter(r -> "DPG".equals(field(r, "channel")))
                .filter(r -> field(r, "text") != null && field(r, "text").contains("scored"))
                .map(r -> field(r, "thread_ts")).toList();
    }
}
