package coach.install;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import coach.App;
import coach.config.AppConfig;
import coach.config.ConfigException;
import coach.testing.LogCapture;
import coach.testing.SlackStandIn;
import coach.testing.TestApps;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Multi-workspace install end to end: the real server on a free port, Bolt's OAuth v2 flow against WireMock playing
 * Slack (oauth.v2.access and auth.test per workspace), signed requests from two workspaces.
 */
class MultiWorkspaceEndToEndTest {
    static final String CLIENT_ID = "111.222";
    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    // fake tokens that no secret scanner mistakes for real ones
    static final String TOKEN_A = "xoxb-" + "fake-team-a";
    static final String TOKEN_B = "xoxb-" + "fake-team-b";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static SlackStandIn slack;
    static TestApps.Running running;
    static String dbUrl;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackStandIn();
        dbUrl = TestApps.memoryDb();
        running = TestApps.startSlack(oauthEnv(slack, dbUrl, KEY));
    }

    @AfterAll
    static void stop() {
        running.close();
        slack.close();
    }

    @BeforeEach
    void stubs() {
        slack.reset();
        stubWorkspace("code-a", "TA", "UBOTA", TOKEN_A);
        stubWorkspace("code-b", "TB", "UBOTB", TOKEN_B);
        running.database().jdbi().useHandle(h -> h.execute("delete from slack_installation"));
    }

    static Map<String, String> oauthEnv(SlackStandIn slack, String db, String key) {
        Map<String, String> env = new HashMap<>(TestApps.env(slack));
        env.remove("SLACK_BOT_TOKEN");
        env.put("COACH_DB_URL", db);
        env.put("SLACK_CLIENT_ID", CLIENT_ID);
        env.put("SLACK_CLIENT_SECRET", "client-" + "secret-for-tests");
        env.put("COACH_TOKEN_KEY", key);
        return env;
    }

    /** Slack's answers for one workspace: its code is exchanged for its token, and auth.test names its team. */
    static void stubWorkspace(String code, String team, String botUser, String token) {
        slack.server.stubFor(post(urlPathEqualTo("/api/oauth.v2.access")).withRequestBody(containing("code=" + code))
                .willReturn(SlackStandIn.okJson("""
                        {"ok":true,"app_id":"A1","authed_user":{"id":"UINSTALLER"},"scope":"chat:write,commands",
                         "token_type":"bot","access_token":"%s","bot_user_id":"%s",
                         "team":{"id":"%s","name":"Team %s"},"enterprise":null,"is_enterprise_install":false}"""
                        .formatted(token, botUser, team, team))));
        slack.server.stubFor(post(urlPathEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(SlackStandIn.okJson("""
                        {"ok":true,"url":"https://%s.slack.com/","team":"Team %s","user":"coach","team_id":"%s",
                         "user_id":"%s","bot_id":"B%s"}""".formatted(team, team, team, botUser, team))));
    }

    // ---- helpers ----

    static HttpResponse<String> get(String pathAndQuery, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        if (cookie != null) b.header("Cookie", cookie);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Started(String authorizeUrl, Map<String, String> query, String cookie) {}

    static Started startInstall() {
        HttpResponse<String> resp = get("/slack/install", null);
        assertThat(resp.statusCode()).isEqualTo(302);
        String location = resp.headers().firstValue("Location").orElseThrow();
        String cookie = resp.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("slack-app-oauth-state=")).findFirst().orElseThrow().split(";")[0];
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return new Started(location, query, cookie);
    }

    static HttpResponse<String> install(String code) {
        Started s = startInstall();
        return get("/slack/oauth_redirect?code=" + code + "&state=" + s.query().get("state"), s.cookie());
    }

    static List<Map<String, Object>> installations() {
        return running.database().jdbi().withHandle(h -> h.createQuery("select * from slack_installation order by team_id")
                .mapToMap().list());
    }

    static String slashCommand(String team, String user, String channel) {
        var resp = running.client().slashCommand("/mock", "system-design", team, user, channel, slack.responseUrl());
        assertThat(resp.statusCode()).isEqualTo(200);
        return channel;
    }

    static String eventJson(String team, String eventId, String eventBody) {
        return """
                {"token":"legacy","team_id":"%s","api_app_id":"A1","type":"event_callback","event_id":"%s",
                 "event_time":1800000000,"event":%s}""".formatted(team, eventId, eventBody);
    }

    // ---- tests ----

    @Test
    void installRedirectsToSlacksAuthorizePageWithClientIdScopesAndState() {
        Started s = startInstall();
        assertThat(s.authorizeUrl()).startsWith("https://slack.com/oauth/v2/authorize?");
        assertThat(s.query().get("client_id")).isEqualTo(CLIENT_ID);
        assertThat(List.of(s.query().get("scope").split(","))).containsExactlyElementsOf(SlackInstall.BOT_SCOPES);
        assertThat(s.query().get("state")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(s.cookie()).isEqualTo("slack-app-oauth-state=" + s.query().get("state"));
        Integer stored = running.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from slack_oauth_state where state = :s").bind("s", s.query().get("state"))
                .mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void aRedirectWithABadOrMissingStateIsRefusedAndStoresNothing() {
        LogCapture logs = new LogCapture();
        Started s = startInstall();
        String state = s.query().get("state");
        // no state at all; a state the app never issued (cookie and query agree); the right state without its cookie;
        // a cookie that names another state
        List<HttpResponse<String>> refused = List.of(
                get("/slack/oauth_redirect?code=code-a", s.cookie()),
                get("/slack/oauth_redirect?code=code-a&state=forged", "slack-app-oauth-state=forged"),
                get("/slack/oauth_redirect?code=code-a&state=" + state, null),
                get("/slack/oauth_redirect?code=code-a&state=" + state, "slack-app-oauth-state=other"));
        for (HttpResponse<String> r : refused) {
            assertThat(r.statusCode()).isNotIn(200, 302);
        }
        assertThat(slack.calls("oauth.v2.access")).isEmpty();
        assertThat(installations()).isEmpty();
        logs.close();
        assertThat(logs.text()).contains("install callback refused").doesNotContain("code-a");
    }

    @Test
    void aStateWorksOnce() {
        Started s = startInstall();
        String redirect = "/slack/oauth_redirect?code=code-a&state=" + s.query().get("state");
        assertThat(get(redirect, s.cookie()).statusCode()).isEqualTo(200);
        running.database().jdbi().useHandle(h -> h.execute("delete from slack_installation"));
        assertThat(get(redirect, s.cookie()).statusCode()).isNotIn(200, 302);
        assertThat(slack.calls("oauth.v2.access")).hasSize(1);
        assertThat(installations()).isEmpty();
    }

    @Test
    void aGoodRedirectStoresTheInstallationWithItsBotTokenEncrypted() {
        HttpResponse<String> resp = install("code-a");
        assertThat(resp.statusCode()).isEqualTo(200);
        LoggedRequest exchange = slack.calls("oauth.v2.access").get(0);
        assertThat(exchange.getBodyAsString()).contains("code=code-a");

        List<Map<String, Object>> rows = installations();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("team_id")).isEqualTo("TA");
        assertThat(row.get("bot_user_id")).isEqualTo("UBOTA");
        assertThat(row.get("installer_user_id")).isEqualTo("UINSTALLER");
        assertThat((String) row.get("bot_token_enc")).startsWith("v1:").doesNotContain(TOKEN_A).doesNotContain("xoxb");
        // nowhere in the table, in any column
        assertThat(rows.toString()).doesNotContain(TOKEN_A);
        Integer plaintextRows = running.database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from slack_installation where bot_token_enc like '%xoxb%'").mapTo(Integer.class).one());
        assertThat(plaintextRows).isZero();
    }

    @Test
    void eachWorkspacesQuestionIsPostedWithItsOwnToken() {
        try (LogCapture logs = new LogCapture()) {
            eachWorkspacesQuestionIsPostedWithItsOwnToken(logs);
        }
    }

    void eachWorkspacesQuestionIsPostedWithItsOwnToken(LogCapture logs) {
        assertThat(install("code-a").statusCode()).isEqualTo(200);
        assertThat(install("code-b").statusCode()).isEqualTo(200);
        assertThat(installations()).extracting(r -> r.get("team_id")).containsExactly("TA", "TB");

        slashCommand("TA", "UA1", "CA1");
        slashCommand("TB", "UB1", "CB1");

        await().atMost(Duration.ofSeconds(20)).until(() -> postIn("CA1") != null && postIn("CB1") != null);
        assertThat(postIn("CA1").getHeader("Authorization")).isEqualTo("Bearer " + TOKEN_A);
        assertThat(postIn("CB1").getHeader("Authorization")).isEqualTo("Bearer " + TOKEN_B);
        // Bolt served each request with its own workspace's token too
        assertThat(slack.calls("auth.test")).extracting(r -> r.getHeader("Authorization"))
                .contains("Bearer " + TOKEN_A, "Bearer " + TOKEN_B);
        // no token, secret or one-time code in the logs of installs, requests and posts
        assertThat(logs.text()).contains("installation saved for team TA")
                .doesNotContain(TOKEN_A).doesNotContain(TOKEN_B).doesNotContain("secret-for-tests").doesNotContain("code-a");
    }

    static LoggedRequest postIn(String channel) {
        return slack.calls("chat.postMessage").stream()
                .filter(r -> channel.equals(SlackStandIn.field(r, "channel"))).findFirst().orElse(null);
    }

    @Test
    void appUninstalledDeletesThatWorkspacesInstallationAndItIsNoLongerServed() {
        install("code-a");
        install("code-b");
        assertThat(running.client().get("/metrics").body()).contains("coach_installations 2.0");
        var resp = running.client().event(eventJson("TA", "EvUninstallA", "{\"type\":\"app_uninstalled\"}"), Map.of());
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(installations()).extracting(r -> r.get("team_id")).containsExactly("TB");
        assertThat(running.client().get("/metrics").body()).contains("coach_installations 1.0");

        // a command from the uninstalled workspace is answered with the install guide, and nothing is posted
        slashCommand("TA", "UA2", "CA2");
        await().atMost(Duration.ofSeconds(10)).until(() -> !slack.responseUrlCalls().isEmpty());
        assertThat(slack.responseUrlCalls().get(0).getBodyAsString()).contains("not installed");
        assertThat(postIn("CA2")).isNull();
    }

    @Test
    void aPostWaitingToBeRetriedWhenItsWorkspaceUninstallsEndsWithoutAnotherTry() {
        install("code-a");
        // the first try of the question's post fails with a 503 (retried after a backoff of seconds) ...
        slack.server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=CA9"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)));
        slashCommand("TA", "UA9", "CA9");
        await().atMost(Duration.ofSeconds(10)).until(() -> postIn("CA9") != null);
        // ... and before the retry the workspace uninstalls the app: the retry finds no token and gives up
        var resp = running.client().event(eventJson("TA", "EvUninstallA9", "{\"type\":\"app_uninstalled\"}"), Map.of());
        assertThat(resp.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> slack.responseUrlCalls().stream()
                .anyMatch(r -> r.getBodyAsString().contains("app_uninstalled")));
        assertThat(slack.calls("chat.postMessage").stream().filter(r -> "CA9".equals(SlackStandIn.field(r, "channel"))))
                .hasSize(1);
    }

    @Test
    void tokensRevokedForTheBotDeletesThatWorkspacesInstallation() {
        install("code-a");
        install("code-b");
        var resp = running.client().event(eventJson("TB", "EvRevokedB",
                "{\"type\":\"tokens_revoked\",\"tokens\":{\"oauth\":[],\"bot\":[\"UBOTB\"]}}"), Map.of());
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(installations()).extracting(r -> r.get("team_id")).containsExactly("TA");
    }

    @Test
    void everyPostToTheEventsEndpointMustStillBeSigned() {
        HttpRequest unsigned = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + "/slack/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(eventJson("TA", "EvX", "{\"type\":\"app_uninstalled\"}"))).build();
        install("code-a");
        try {
            assertThat(HTTP.send(unsigned, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(installations()).hasSize(1);
    }

    @Test
    void aDifferentTokenKeyStopsStartUpWithAClearMessage() throws Exception {
        // the running app sealed its key check in dbUrl; a second start on that database with another key
        String other = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new App(AppConfig.fromEnv(oauthEnv(slack, dbUrl, other)), Clock.systemUTC(), new Random(1)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("COACH_TOKEN_KEY is not the key this database's workspace tokens were encrypted with")
                .hasMessageNotContaining(other).hasMessageNotContaining(KEY);
    }

    @Test
    void aMalformedOrMissingKeyStopsStartUpWithAClearMessage() throws Exception {
        assertThatThrownBy(() -> new App(AppConfig.fromEnv(oauthEnv(slack, TestApps.memoryDb(), "not-a-key")), Clock.systemUTC(),
                new Random(1)).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("COACH_TOKEN_KEY must be 32 random bytes in base64 (make one with: openssl rand -base64 32)");
        Map<String, String> noKey = oauthEnv(slack, TestApps.memoryDb(), KEY);
        noKey.remove("COACH_TOKEN_KEY");
        assertThatThrownBy(() -> AppConfig.fromEnv(noKey)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("COACH_TOKEN_KEY");
    }
}
