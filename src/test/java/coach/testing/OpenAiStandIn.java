package coach.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.Map;

/** WireMock playing an OpenAI-compatible chat completions endpoint. */
public final class OpenAiStandIn implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    public final WireMockServer server = new WireMockServer(options().dynamicPort());
    static final String PATH = "/v1/chat/completions";

    public OpenAiStandIn() {
        server.start();
    }

    public String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** The model replies with this content (a JSON string for structured output, or anything else). */
    public static ResponseDefinitionBuilder completion(String content) {
        try {
            String body = JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1,
                    "model", "test-model",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 900, "completion_tokens", 200, "total_tokens", 1100)));
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void replies(ResponseDefinitionBuilder... responses) {
        server.resetAll();
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i == responses.length - 1 ? state : "step-" + (i + 1);
            server.stubFor(post(urlPathEqualTo(PATH)).inScenario("replies").whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
    }

    public int requestCount() {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
    }

    public String lastRequestBody() {
        var all = server.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        return all.get(all.size() - 1).getBodyAsString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
