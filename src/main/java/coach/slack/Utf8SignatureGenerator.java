package coach.slack;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's signature (v0 HMAC-SHA256 over "v0:timestamp:body"), computed over the body's UTF-8 bytes as Slack
 * sends them. Bolt's own generator uses {@code String.getBytes()} in the JVM's default charset, so on a JVM whose
 * default is not UTF-8 (LANG=C in many containers) every request with non-ASCII text would fail with 401. Bolt's
 * {@link SlackSignature.Verifier} still does the rest (timestamp window, comparison).
 */
final class Utf8SignatureGenerator extends SlackSignature.Generator {
    private final byte[] secret;

    Utf8SignatureGenerator(String signingSecret) {
        super(signingSecret);
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String generate(String timestamp, String requestBody) {
        if (timestamp == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + requestBody).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
