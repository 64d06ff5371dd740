package coach.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock extension that makes the stand-in remember what was posted, as Slack does: chat.postMessage (on stubs
 * that name this transformer) stores the message the moment it arrives, even when the stub then delays or loses
 * its reply, and conversations.history / conversations.replies return the stored messages with their metadata.
 */
public final class SlackMessages implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "slack-messages";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong TS = new AtomicLong(1_700_000_000_000_000L);

    /** A message Slack would now show. */
    public record Posted(String channel, String ts, String threadTs, String text, String blocks, JsonNode metadata) {}

    private final List<Posted> posted = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    public void clear() {
        posted.clear();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        ResponseDefinition stub = event.getResponseDefinition();
        Map<String, String> form = form(request.getBodyAsString());
        String path = request.getUrl().replaceAll("\\?.*", "");
        try {
            if (path.endsWith("/chat.postMessage")) {
                long n = TS.incrementAndGet();
                String ts = (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
                JsonNode metadata = form.get("metadata") == null ? null : JSON.readTree(form.get("metadata"));
                posted.add(new Posted(form.get("channel"), ts, form.get("thread_ts"), form.get("text"), form.get("blocks"), metadata));
                return ResponseDefinitionBuilder.like(stub).but()
                        .withBody(JSON.writeValueAsString(Map.of("ok", true, "channel", form.get("channel"), "ts", ts))).build();
            }
            if (path.endsWith("/conversations.history") || path.endsWith("/conversations.replies")) {
                boolean replies = path.endsWith("/conversations.replies");
                List<Map<String, Object>> messages = new ArrayList<>();
                for (Posted p : posted) {
                    if (!p.channel().equals(form.get("channel"))) continue;
                    boolean inThread = p.threadTs() != null && p.threadTs().equals(form.get("ts"));
                    if (replies ? !inThread : p.threadTs() != null) continue;
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("type", "message");
                    m.put("ts", p.ts());
                    m.put("text", p.text());
                    if (p.threadTs() != null) m.put("thread_ts", p.threadTs());
                    if (p.metadata() != null && List.of("1", "true").contains(form.get("include_all_metadata"))) m.put("metadata", p.metadata());
                    messages.add(m);
                }
                return ResponseDefinitionBuilder.like(stub).but()
                        .withBody(JSON.writeValueAsString(Map.of("ok", true, "messages", messages, "has_more", false))).build();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return stub;
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) return fields;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
