package coach.slack;

import com.slack.api.app_backend.SlackSignature;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * In front of Bolt, before anything parses or logs a request: caps the body (413 above {@link #MAX_BODY}, checked on
 * Content-Length and again while reading, so a lying or chunked client cannot make the app hold more), requires a
 * timestamp within five minutes either side of now (Bolt only checks the past), and checks the signature with Slack's
 * own {@link SlackSignature.Verifier} (401 otherwise). A rejected request is counted, never logged: its body is
 * whatever an attacker chose. Only a verified request reaches Bolt, with the bytes it was signed over.
 */
public final class SignatureFilter implements Filter {
    /** Slack's own payloads are a few kB; the largest (a modal's state) stays far below this. */
    public static final int MAX_BODY = 1024 * 1024;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final SlackSignature.Verifier verifier;
    private final Clock clock;
    private final MeterRegistry metrics;

    public SignatureFilter(String signingSecret, Clock clock, MeterRegistry metrics) {
        // Bolt's generator hashes String.getBytes() in the default charset: App checks at start that it is UTF-8
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (!"POST".equals(req.getMethod())) {
            reject(resp, 405, "method");
            return;
        }
        if (req.getContentLengthLong() > MAX_BODY) {
            reject(resp, 413, "too_large");
            return;
        }
        byte[] body = readAtMost(req.getInputStream(), MAX_BODY);
        if (body == null) {
            reject(resp, 413, "too_large");
            return;
        }
        String timestamp = req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (timestamp == null || signature == null || !withinWindow(timestamp)) {
            reject(resp, 401, timestamp == null || signature == null ? "unsigned" : "timestamp");
            return;
        }
        if (!verifier.isValid(timestamp, new String(body, StandardCharsets.UTF_8), signature, clock.millis())) {
            reject(resp, 401, "signature");
            return;
        }
        chain.doFilter(new VerifiedRequest(req, body), response);
    }

    /** Slack's window is five minutes; a timestamp from the future is as suspect as an old one. */
    boolean withinWindow(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.millis() / 1000;
        return Math.abs(now - seconds) <= WINDOW.toSeconds();
    }

    private void reject(HttpServletResponse resp, int status, String reason) throws IOException {
        metrics.counter("coach.slack.rejected", "reason", reason).increment();
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=utf-8");
        if (status == 413) {
            resp.setHeader("Connection", "close"); // the rest of the body is not read
        }
        resp.getWriter().write(status == 413 ? "Request body too large" : status == 401 ? "Invalid request" : "Not allowed");
    }

    /** The body, or null when it is longer than {@code max} (reading stops there). */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 16 * 1024));
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The verified request, its body replayed from memory for Bolt. */
    static final class VerifiedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        VerifiedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
