package coach.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet, reading the body as the exact UTF-8 bytes Slack signed. The stock adapter reads it through
 * {@code getReader().lines()}, which decodes with the request's (often absent) charset and rewrites line breaks,
 * both of which break the signature of a non-ASCII or multi-line body.
 */
public final class Utf8SlackAppServlet extends SlackAppServlet {
    private static final Logger log = LoggerFactory.getLogger(Utf8SlackAppServlet.class);
    private final transient App app;
    private final transient SlackAppServletAdapter adapter;

    public Utf8SlackAppServlet(App app) {
        super(app);
        this.app = app;
        this.adapter = new SlackAppServletAdapter(app.config()) {
            @Override
            protected String doReadRequestBodyAsString(HttpServletRequest req) throws IOException {
                return new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        };
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setCharacterEncoding("UTF-8");
        Request<?> slackReq;
        try {
            slackReq = adapter.buildSlackRequest(req);
        } catch (RuntimeException e) {
            log.info("unparseable request to /slack/events: {}", e.getClass().getSimpleName());
            adapter.writeResponse(resp, Response.builder().statusCode(400).contentType("text/plain").body("Invalid Request").build());
            return;
        }
        if (slackReq == null) {
            adapter.writeResponse(resp, Response.builder().statusCode(400).contentType("text/plain").body("Invalid Request").build());
            return;
        }
        try {
            adapter.writeResponse(resp, app.run(slackReq));
        } catch (Exception e) {
            log.error("unhandled error in a Slack request: {}", e.getClass().getSimpleName(), e);
            resp.setStatus(500);
        }
    }
}
