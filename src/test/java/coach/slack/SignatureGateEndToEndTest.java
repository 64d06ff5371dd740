package coach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.testing.LogCapture;
import coach.testing.SignedClient;
import coach.testing.SlackAppTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Nothing reaches Bolt, the database or the log before the signature and the timestamp are checked. */
class SignatureGateEndToEndTest extends SlackAppTest {
    static final String FORGED = "21:00:00.000 ERROR [main] coach.App - forged";
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    int askedCount(String user) {
        return app.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from asked_question where user_id = :u").bind("u", user).mapTo(Integer.class).one());
    }

    int unsigned(HttpRequest.BodyPublisher body) {
        return post(body, Map.of());
    }

    /**
     * Status, or -1 when the server answered and closed while the client was still sending (a body that is not read
     * past the cap cannot always be refused politely: the client may see the connection drop instead of the 413).
     */
    int post(HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/slack/events"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded").POST(body);
        headers.forEach(b::header);
        HttpRequest req = b.build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            return -1; // the server answered and closed before the client finished sending: not read, not processed
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends only the request head (a body of {@code length} announced, none sent) and returns the status line. */
    String headersOnly(long length, Map<String, String> headers) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bigBody() {
        byte[] body = new byte[5 * 1024 * 1024];
        Arrays.fill(body, (byte) 'A');
        byte[] marker = "command=%2Fmock&text=ATTACKER-MARKER&".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, body, 0, marker.length);
        return body;
    }

    @Test
    void anUnsigned5MbBodyIsRefusedUnreadAndNothingIsLogged() {
        try (LogCapture log = new LogCapture()) {
            // the length alone is refused: the 413 comes before a single byte of the body is sent
            assertThat(headersOnly(5 * 1024 * 1024, Map.of())).startsWith("HTTP/1.1 413");
            assertThat(unsigned(HttpRequest.BodyPublishers.ofByteArray(bigBody()))).isIn(413, -1);
            int chunked = unsigned(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bigBody())));
            assertThat(chunked).isIn(413, -1); // read up to the cap, then refused: nothing past 1 MB is kept
            assertThat(app.client().get("/health").statusCode()).isEqualTo(200);
            assertThat(log.text()).doesNotContain("ATTACKER-MARKER").doesNotContain("AAAAAAAA");
        }
        assertThat(app.client().get("/metrics").body()).contains("coach_slack_rejected_total{reason=\"too_large\"}");
    }

    @Test
    void aSignedBodyOverTheCapIsRefusedToo() {
        String body = SignedClient.form(Map.of("command", "/mock", "text", "x".repeat(SignatureFilter.MAX_BODY)));
        long ts = System.currentTimeMillis() / 1000;
        Map<String, String> signed = Map.of("X-Slack-Request-Timestamp", String.valueOf(ts),
                "X-Slack-Signature", SignedClient.sign(SignedClient.SECRET, ts, body));
        assertThat(headersOnly(body.length(), signed)).startsWith("HTTP/1.1 413");
        assertThat(post(HttpRequest.BodyPublishers.ofString(body), signed)).isIn(413, -1);
    }

    @Test
    void aNewlineCannotForgeALogLine() {
        String body = "command=/mock&text=hi\n" + FORGED + "\n";
        try (LogCapture log = new LogCapture()) {
            assertThat(unsigned(HttpRequest.BodyPublishers.ofString(body))).isEqualTo(401);
            // signed: past the gate, and through Bolt's parser (which logs bodies it cannot place)
            assertThat(app.client().send(body, "application/x-www-form-urlencoded", Map.of()).statusCode()).isLessThan(500);
            assertThat(app.client().send("{\"type\":\"odd\",\"text\":\"a\\n" + FORGED + "\"}\n" + FORGED,
                    "application/json", Map.of()).statusCode()).isLessThan(500);
            // anything the app logs itself keeps a newline on one line
            LoggerFactory.getLogger(SignatureGateEndToEndTest.class).warn("user text: {}", "line one\r\n" + FORGED);
            assertThat(log.text().lines()).noneMatch(line -> line.startsWith(FORGED));
            assertThat(log.text()).contains("line one\\r\\n" + FORGED);
        }
    }

    @Test
    void aTimestampInTheFutureIsRefused() {
        for (long ahead : new long[] {6 * 60, 24 * 3600, 10L * 365 * 24 * 3600}) {
            long ts = System.currentTimeMillis() / 1000 + ahead;
            String body = SignedClient.form(Map.of("command", "/mock", "text", "coding", "team_id", "T1",
                    "user_id", "UFUTURE", "channel_id", "C1", "response_url", slack.responseUrl()));
            var resp = app.client().send(body, "application/x-www-form-urlencoded", ts,
                    SignedClient.sign(SignedClient.SECRET, ts, body), Map.of());
            assertThat(resp.statusCode()).as("%d s ahead", ahead).isEqualTo(401);
        }
        assertThat(askedCount("UFUTURE")).isZero();
    }

    @Test
    void aReplayedSignedRequestIsAnsweredButProcessedOnce() throws Exception {
        long ts = System.currentTimeMillis() / 1000;
        String body = SignedClient.form(Map.of("command", "/mock", "text", "coding", "team_id", "T1",
                "user_id", "UREPLAY", "channel_id", "CREPLAY", "response_url", slack.responseUrl()));
        String signature = SignedClient.sign(SignedClient.SECRET, ts, body);
        assertThat(app.client().send(body, "application/x-www-form-urlencoded", ts, signature, Map.of()).statusCode()).isEqualTo(200);
        assertThat(app.client().send(body, "application/x-www-form-urlencoded", ts, signature, Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.messages.posted().stream().anyMatch(p -> p.channel().equals("CREPLAY")));
        // a fresh, different request from the same user still works
        assertThat(app.client().slashCommand("/mock", "coding", "T1", "UREPLAY", "CREPLAY2", slack.responseUrl()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.messages.posted().stream().anyMatch(p -> p.channel().equals("CREPLAY2")));
        assertThat(askedCount("UREPLAY")).isEqualTo(2);
        assertThat(slack.messages.posted().stream().filter(p -> p.channel().equals("CREPLAY"))).hasSize(1);
    }
}
