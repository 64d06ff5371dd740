package coach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import coach.testing.SlackAppTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every payload skeleton from Slack's Java SDK (empty strings, placeholder numbers), signed and posted as Slack
 * would: the app must answer each without a 5xx and keep serving.
 */
class SlackSamplesRobustnessTest extends SlackAppTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Path samples() {
        try {
            return Path.of(SlackSamplesRobustnessTest.class.getResource("/slack-samples").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everySamplePayloadIsAnsweredWithoutA5xx() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samples())) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(90);
        return files.stream().map(file -> DynamicTest.dynamicTest(samples().relativize(file).toString(), () -> {
            JsonNode sample = JSON.readTree(file.toFile());
            for (String body : variants(file, sample)) {
                var resp = send(file, body);
                assertThat(resp.statusCode()).as(file + " → " + resp.body()).isLessThan(500);
            }
            assertThat(app.client().get("/health").statusCode()).isEqualTo(200);
        }));
    }

    /** The sample as it is, and filled in enough to reach the app's own listeners. */
    private List<String> variants(Path file, JsonNode sample) throws Exception {
        String name = file.toString();
        ObjectNode filled = sample.deepCopy();
        if (name.contains("/events/")) {
            filled.put("type", "event_callback");
            filled.put("team_id", "T9");
            filled.put("event_id", "Ev" + file.getFileName());
            return List.of(sample.toString(), filled.toString());
        }
        if (name.contains("slash-commands")) {
            Map<String, String> asIs = new LinkedHashMap<>();
            sample.fields().forEachRemaining(e -> asIs.put(e.getKey(), e.getValue().asText()));
            Map<String, String> mock = new LinkedHashMap<>(asIs);
            mock.put("command", "/mock");
            Map<String, String> mockStage = new LinkedHashMap<>(mock);
            mockStage.put("text", "system-design");
            return List.of(formOf(asIs), formOf(mock), formOf(mockStage));
        }
        return List.of(interactive(sample), interactive(filled));
    }

    private static String formOf(Map<String, String> fields) {
        return "FORM:" + coach.testing.SignedClient.form(fields);
    }

    private static String interactive(JsonNode payload) {
        return "FORM:" + coach.testing.SignedClient.form(Map.of("payload", payload.toString()));
    }

    private java.net.http.HttpResponse<String> send(Path file, String body) {
        if (body.startsWith("FORM:")) {
            return app.client().send(body.substring(5), "application/x-www-form-urlencoded", Map.of());
        }
        return app.client().event(body, Map.of());
    }
}
