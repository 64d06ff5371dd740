package coach.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import coach.store.Database;
import coach.testing.AppProcess;
import coach.testing.SignedClient;
import coach.testing.SlackStandIn;
import coach.testing.SocketModeStandIn;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as a service manager sends it, to the app started like the jar (coach.Main) in its own JVM: it stops
 * taking connections at once, lets a request already in flight finish with its ack, leaves the job that request
 * queued in the database, and exits 0 within 10 s. The next start delivers what was queued.
 */
class GracefulStopEndToEndTest {
    static final String BOT_TOKEN = "xoxb-" + "graceful-stop-bot-token";
    static final String USER = "UTERM";
    static final String CHANNEL = "DTERM";

    @TempDir
    Path dir;

    @Test
    void sigtermFinishesTheAckInFlightKeepsQueuedWorkAndExitsZero() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db/coach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Path log = dir.resolve("app.log");
        try (SlackStandIn slack = new SlackStandIn()) {
            // Slack is down for posting: the question's job stays queued (retried with backoff)
            slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(503)));
            Map<String, String> env = KillRecoveryEndToEndTest.env(slack, db, Path.of("config").toAbsolutePath());
            env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
            AppProcess app = AppProcess.startMain(env, log);

            String body = SignedClient.form(SignedClient.slashCommandFields("/mock", "system-design", "T1", USER, CHANNEL, slack.responseUrl()));
            long ts = System.currentTimeMillis() / 1000;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int half = bytes.length / 2;
            long stopped;
            int exitCode;
            String status;
            try (Socket inFlight = new Socket("127.0.0.1", app.port())) {
                inFlight.setSoTimeout(15_000);
                OutputStream out = inFlight.getOutputStream();
                out.write(("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1:" + app.port() + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n"
                        + "X-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: " + SignedClient.sign(SignedClient.SECRET, ts, body)
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, half);
                out.flush();
                // the request is now in flight (headers read, body half sent); give Jetty a moment to dispatch it
                Thread.sleep(300);
                long sigterm = System.nanoTime();
                var exit = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return app.terminate(Duration.ofSeconds(10));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // new connections are refused once the stop has begun
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> refused(app.port()));
                out.write(bytes, half, bytes.length - half);
                out.flush();
                status = statusLine(inFlight.getInputStream());
                exitCode = exit.get();
                stopped = (System.nanoTime() - sigterm) / 1_000_000;
            }
            System.out.printf("SIGTERM to exit: %d ms, exit code %d, in-flight ack: %s%n", stopped, exitCode, status);
            assertThat(status).as("the in-flight request's ack").contains(" 200 ");
            assertThat(exitCode).isEqualTo(0);

            try (Database database = Database.open(db)) {
                int asked = count(database, "select count(*) from asked_question where team_id = 'T1' and user_id = '" + USER + "'");
                int queued = count(database, "select count(*) from scheduled_tasks where task_name = 'slack-send'");
                assertThat(asked).as("the question of the request acked during the stop").isEqualTo(1);
                assertThat(queued).as("its posting job, left queued").isEqualTo(1);
            }
            String text = Files.readString(log);
            assertThat(text).doesNotContain(BOT_TOKEN, SignedClient.SECRET).doesNotContain("Exception in thread");

            // the next start delivers it
            slack.reset();
            AppProcess again = AppProcess.start(env, log);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages.posted().stream()
                        .anyMatch(p -> p.channel().equals(CHANNEL)));
            } finally {
                again.close();
            }
        }
    }

    @Test
    void sigtermInSocketModeExitsZeroToo() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("socket/coach") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (SlackStandIn slack = new SlackStandIn(); SocketModeStandIn socket = new SocketModeStandIn()) {
            slack.server.stubFor(post(urlPathEqualTo("/api/apps.connections.open"))
                    .willReturn(SlackStandIn.okJson("{\"ok\":true,\"url\":\"" + socket.url() + "\"}")));
            Map<String, String> env = KillRecoveryEndToEndTest.env(slack, db, Path.of("config").toAbsolutePath());
            env.remove("SLACK_SIGNING_SECRET");
            env.put("SLACK_APP_TOKEN", "xapp-" + "graceful");
            AppProcess app = AppProcess.startMain(env, dir.resolve("socket.log"));
            assertThat(socket.awaitConnected(20)).isTrue();
            long sigterm = System.nanoTime();
            int exitCode = app.terminate(Duration.ofSeconds(10));
            System.out.printf("Socket Mode: SIGTERM to exit: %d ms, exit code %d%n", (System.nanoTime() - sigterm) / 1_000_000, exitCode);
            assertThat(exitCode).isEqualTo(0);
        }
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String statusLine(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) sb.append((char) c);
        return sb.toString().trim();
    }

    private static int count(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
