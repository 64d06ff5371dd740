package coach.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** WireMock playing the Slack Web API (and response_url): every call succeeds unless a test says otherwise. */
public final class SlackStandIn implements AutoCloseable {
    /** What the stand-in has posted so far (Slack's view of the channels). */
    public final SlackMessages messages = new SlackMessages();
    public final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(messages));
    private static final AtomicLong TS = new AtomicLong(1_700_000_000_000L);

    public SlackStandIn() {
        server.start();
        reset();
    }

    public void reset() {
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\":true}")));
        server.stubFor(post(urlPathEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"url\":\"https://t.slack.com/\",\"team\":\"T\",\"user\":\"coach\",\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        server.stubFor(post(urlPathEqualTo("/api/bots.info")).willReturn(okJson(
                "{\"ok\":true,\"bot\":{\"id\":\"BBOT\",\"user_id\":\"UBOT\",\"app_id\":\"A1\",\"name\":\"coach\"}}")));
        server.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson("{}")
                .withTransformers(SlackMessages.NAME)));
        server.stubFor(post(urlPathEqualTo("/api/conversations.history")).willReturn(okJson("{}")
                .withTransformers(SlackMessages.NAME)));
        server.stubFor(post(urlPathEqualTo("/api/conversations.replies")).willReturn(okJson("{}")
                .withTransformers(SlackMessages.NAME)));
        messages.clear();
    }

    /** chat.postMessage answers as Slack does (ok, with a ts), after {@code delayMs}: the message is posted at once. */
    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder postedAfter(int delayMs) {
        return okJson("{}").withFixedDelay(delayMs).withTransformers(SlackMessages.NAME);
    }

    /** Messages in the stand-in's channels whose text contains {@code fragment}. */
    public List<SlackMessages.Posted> postedContaining(String fragment) {
        return messages.posted().stream().filter(p -> p.text() != null && p.text().contains(fragment)).toList();
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    public String responseUrl() {
        return server.baseUrl() + "/response/" + TS.incrementAndGet();
    }

    /** Requests the app made to a Web API method, oldest first. */
    public List<LoggedRequest> calls(String method) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/api/" + method)));
    }

    /** A Web API call's form field (the Java SDK sends form-encoded bodies). */
    public static String field(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    public List<LoggedRequest> responseUrlCalls() {
        return server.findAll(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/response/.*")));
    }

    @Override
    public void close() {
        server.stop();
    }
}
