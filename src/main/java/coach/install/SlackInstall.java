package coach.install;

import coach.config.AppConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multi-workspace install with Bolt's own OAuth v2 flow. GET {@value #INSTALL_PATH} issues a state (stored in the
 * database and in a cookie) and redirects to Slack's authorize page with the manifest's bot scopes; Slack sends the
 * installer back to GET {@value #REDIRECT_PATH}, where Bolt checks and consumes the state, calls oauth.v2.access and
 * saves the installation in {@link InstallationStore} (bot token encrypted). Each request is then served by Bolt
 * with its own workspace's token; app_uninstalled and tokens_revoked delete that workspace's installation.
 */
public final class SlackInstall {
    private static final Logger log = LoggerFactory.getLogger(SlackInstall.class);
    public static final String INSTALL_PATH = "/slack/install";
    public static final String REDIRECT_PATH = "/slack/oauth_redirect";
    /** The bot scopes of manifest.yml (a test keeps the two the same). */
    public static final List<String> BOT_SCOPES = List.of("app_mentions:read", "channels:history", "groups:history",
            "im:history", "im:write", "chat:write", "commands", "files:write", "users:read");

    private final AppConfig.SlackOAuth oauth;
    private final InstallationStore installations;
    private final OAuthStates states;

    private SlackInstall(AppConfig.SlackOAuth oauth, InstallationStore installations, OAuthStates states) {
        this.oauth = oauth;
        this.installations = installations;
        this.states = states;
    }

    /**
     * @throws IllegalStateException when COACH_TOKEN_KEY is malformed, or is not the key the stored tokens were
     *                               encrypted with (the message says which, never the key)
     */
    public static SlackInstall open(AppConfig.SlackOAuth oauth, Jdbi jdbi, Clock clock) {
        TokenCipher cipher = TokenCipher.fromBase64Key(oauth.tokenKey());
        return new SlackInstall(oauth, InstallationStore.open(jdbi, cipher, clock), new OAuthStates(jdbi, clock));
    }

    public InstallationStore installations() {
        return installations;
    }

    /** The bot token of a workspace, for work done after the ack; empty when the app is not installed there. */
    public Optional<String> botToken(String teamId) {
        return installations.botToken(teamId);
    }

    /** Bolt's OAuth settings: client id and secret, the scopes, the two paths, a redirect (not a page) to Slack. */
    public com.slack.api.bolt.AppConfig.AppConfigBuilder configure(com.slack.api.bolt.AppConfig.AppConfigBuilder b) {
        return b.clientId(oauth.clientId())
                .clientSecret(oauth.clientSecret())
                .scope(String.join(",", BOT_SCOPES))
                .userScope(null)
                .singleTeamBotToken(null)
                .stateValidationEnabled(true)
                .oauthInstallPath(INSTALL_PATH)
                .oauthRedirectUriPath(REDIRECT_PATH)
                .oAuthInstallPageRenderingEnabled(false);
    }

    /** Turns the flow on in the Bolt app and plugs in the database-backed services; before the app starts. */
    public void register(App app) {
        app.asOAuthApp(true);
        app.service(states);
        app.service(installations);
        // Bolt's default handlers answer a refused callback 200 and log the whole payload (the one-time code
        // included): refuse with 400 and log the reason only
        app.oauthCallbackStateError((req, resp) -> refuse(app, resp, 400, "invalid_state", "its state is missing, unknown, expired or used"));
        app.oauthCallbackError((req, resp) -> refuse(app, resp, 400, req.getPayload().getError(), "Slack sent an error"));
        app.oauthCallbackAccessError((com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler) (req, resp, api) ->
                refuse(app, resp, 502, api.getError(), "oauth.v2.access answered " + api.getError()));
        // Bolt's default handlers delete on a background thread after the ack; these delete before it, so an acked
        // uninstall is done (a failure is a 5xx, and Slack sends the event again)
        app.event(AppUninstalledEvent.class, (payload, ctx) -> {
            installations.deleteAll(payload.getEnterpriseId(), payload.getTeamId());
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            var tokens = payload.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                installations.deleteAll(payload.getEnterpriseId(), payload.getTeamId());
            } else {
                log.info("tokens_revoked for team {} names no bot token; installation kept", payload.getTeamId());
            }
            return ctx.ack();
        });
    }

    private static com.slack.api.bolt.response.Response refuse(App app, com.slack.api.bolt.response.Response resp,
                                                               int status, String reason, String why) {
        log.info("install callback refused: {}", why);
        resp.setStatusCode(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setBody(app.config().getOAuthRedirectUriPageRenderer()
                .renderFailurePage(app.config().getOauthInstallRequestURI(), reason == null ? "unknown" : reason));
        return resp;
    }

    /** Serves GET {@value #INSTALL_PATH} and GET {@value #REDIRECT_PATH}: Slack does not sign them. */
    public static HttpServlet servlet(App app) {
        return new SlackOAuthAppServlet(app);
    }
}
