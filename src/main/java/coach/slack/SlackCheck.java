package coach.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Checks the bot token once at start (auth.test), so a start-up that cannot work stops with its cause in one line:
 * Slack could not be reached (and so the token was not checked), or Slack refused the token.
 */
public final class SlackCheck {
    private static final Set<String> BAD_TOKEN = Set.of("invalid_auth", "not_authed", "token_revoked",
            "token_expired", "account_inactive", "not_allowed_token_type");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackCheck() {}

    /**
     * Calls auth.test with the JDK's HTTP client (the Slack SDK's client logs a stack trace of its own when Slack
     * cannot be reached).
     *
     * @throws IllegalStateException saying why, in one line
     */
    public static void checkBotToken(String apiUrl, String token, Duration timeout) {
        String host = host(apiUrl);
        HttpResponse<String> response;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "auth.test")).timeout(timeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Slack is unreachable at " + host + " (" + describe(e, timeout)
                    + "), so SLACK_BOT_TOKEN was not checked; check the network, the proxy or SLACK_API_URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking SLACK_BOT_TOKEN with Slack at " + host);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Slack at " + host + " answered HTTP " + response.statusCode()
                    + " to auth.test, so SLACK_BOT_TOKEN was not checked; try again later, or check SLACK_API_URL");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Slack at " + host + " answered auth.test with something other than JSON, "
                    + "so SLACK_BOT_TOKEN was not checked; check SLACK_API_URL");
        }
        if (body.path("ok").asBoolean(false)) {
            return;
        }
        String error = body.path("error").asText("unknown");
        if (BAD_TOKEN.contains(error)) {
            throw new IllegalStateException("Slack refused SLACK_BOT_TOKEN (" + error + "): set it to the app's "
                    + "Bot User OAuth Token (xoxb-…, under OAuth & Permissions), and reinstall the app if it was revoked");
        }
        throw new IllegalStateException("Slack's auth.test at " + host + " failed with '" + error + "'");
    }

    static String host(String apiUrl) {
        try {
            URI uri = URI.create(apiUrl);
            return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        } catch (RuntimeException e) {
            return apiUrl;
        }
    }

    /** The JDK client wraps the cause: an unresolvable host is a ConnectException caused by UnresolvedAddressException. */
    static String describe(IOException e, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) return "host not found";
        }
        if (e instanceof HttpTimeoutException) return "no answer within " + timeout.toSeconds() + " s";
        if (e instanceof ConnectException) return "connection refused";
        if (e instanceof SSLException) return "TLS failed: " + oneLine(e.getMessage());
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
