package coach.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends requests to /slack/events signed exactly the way Slack signs them (v0 HMAC-SHA256 over UTF-8 bytes). */
public final class SignedClient {
    public static final String SECRET = "test-signing-secret";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String secret;

    public SignedClient(int port) {
        this(port, SECRET);
    }

    public SignedClient(int port, String secret) {
        this.url = "http://127.0.0.1:" + port + "/slack/events";
        this.secret = secret;
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public HttpResponse<String> send(String body, String contentType, Map<String, String> extraHeaders) {
        long ts = System.currentTimeMillis() / 1000;
        return send(body, contentType, ts, sign(secret, ts, body), extraHeaders);
    }

    public HttpResponse<String> send(String body, String contentType, long ts, String signature, Map<String, String> extraHeaders) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        extraHeaders.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> slashCommand(String command, String text, String team, String user, String channel, String responseUrl) {
        return send(form(slashCommandFields(command, text, team, user, channel, responseUrl)), "application/x-www-form-urlencoded", Map.of());
    }

    /** The fields Slack sends with a slash command, in its order (a trigger id included; replace it to make each unique). */
    public static Map<String, String> slashCommandFields(String command, String text, String team, String user, String channel,
                                                         String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", team);
        f.put("team_domain", "test");
        f.put("channel_id", channel);
        f.put("channel_name", channel.startsWith("D") ? "directmessage" : "practice");
        f.put("user_id", user);
        f.put("user_name", "someone");
        f.put("command", command);
        f.put("text", text);
        f.put("api_app_id", "A1");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return f;
    }

    public HttpResponse<String> interactive(String payloadJson) {
        return send(form(Map.of("payload", payloadJson)), "application/x-www-form-urlencoded", Map.of());
    }

    public HttpResponse<String> event(String json, Map<String, String> headers) {
        return send(json, "application/json", headers);
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url.replace("/slack/events", path))).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
