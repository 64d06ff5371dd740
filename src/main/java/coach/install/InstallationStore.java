package coach.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's {@link InstallationService} over the app's database (table slack_installation), one row per workspace.
 * Bot tokens are encrypted with {@link TokenCipher} before they reach the database and decrypted when read; the
 * plaintext is never logged. The app asks for bot scopes only, so no user token is kept: {@link #findInstaller}
 * finds none, and Bolt serves every request with the workspace's bot token.
 *
 * <p>Enterprise Grid org-wide installs are not offered (the manifest has org_deploy_enabled: false): rows are keyed by
 * team id, and the enterprise id is kept for reference.
 */
public final class InstallationStore implements InstallationService {
    private static final Logger log = LoggerFactory.getLogger(InstallationStore.class);

    private final Jdbi jdbi;
    private final TokenCipher cipher;
    private final Clock clock;

    private InstallationStore(Jdbi jdbi, TokenCipher cipher, Clock clock) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Opens the store with this key. The first start stores a check value sealed with the key; every later start
     * opens it, so a different COACH_TOKEN_KEY stops start-up here with a clear message.
     *
     * @throws IllegalStateException when the key is not the one the stored tokens were encrypted with
     */
    public static InstallationStore open(Jdbi jdbi, TokenCipher cipher, Clock clock) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into slack_token_key_check (id, check_value, created_at) values (1, :check, :now)
                        on conflict do nothing""")
                .bind("check", cipher.newCheckValue()).bind("now", clock.instant()).execute());
        String stored = jdbi.withHandle(h -> h.createQuery("select check_value from slack_token_key_check where id = 1")
                .mapTo(String.class).one());
        if (!cipher.opens(stored)) {
            throw new IllegalStateException("COACH_TOKEN_KEY is not the key this database's workspace tokens were "
                    + "encrypted with: start with the original key (or, to start over, delete the rows of "
                    + "slack_installation and slack_token_key_check and install the app again in each workspace)");
        }
        return new InstallationStore(jdbi, cipher, clock);
    }

    /** Workspaces the app is installed in now (for /metrics). */
    public int count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from slack_installation").mapTo(Integer.class).one());
    }

    /** The workspace's bot token, decrypted; empty when the app is not (or no longer) installed there. */
    public Optional<String> botToken(String teamId) {
        if (teamId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(findBot(null, teamId)).map(Bot::getBotAccessToken);
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("the installation store keeps the latest installation only");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        save(installer.getTeamId(), installer.getEnterpriseId(), installer.getAppId(), installer.getBotId(),
                installer.getBotUserId(), installer.getBotScope(), installer.getBotAccessToken(),
                installer.getBotRefreshToken(), installer.getBotTokenExpiresAt(), installer.getInstallerUserId(),
                installer.getInstalledAt());
    }

    /** Bolt calls this after rotating a bot token (when token rotation is turned on for the app). */
    @Override
    public void saveBot(Bot bot) {
        String installer = jdbi.withHandle(h -> h.createQuery(
                        "select installer_user_id from slack_installation where team_id = :team")
                .bind("team", bot.getTeamId()).mapTo(String.class).findOne().orElse(null));
        save(bot.getTeamId(), bot.getEnterpriseId(), bot.getAppId(), bot.getBotId(), bot.getBotUserId(),
                bot.getBotScope(), bot.getBotAccessToken(), bot.getBotRefreshToken(), bot.getBotTokenExpiresAt(),
                installer, bot.getInstalledAt());
    }

    private void save(String teamId, String enterpriseId, String appId, String botId, String botUserId, String scopes,
                      String token, String refreshToken, Long expiresAt, String installerUserId, Long installedAt) {
        if (teamId == null || token == null) {
            // an org-wide install has no team id; an install without a bot token has nothing to serve requests with
            throw new IllegalArgumentException("only workspace installs with a bot token are supported");
        }
        String tokenEnc = cipher.encrypt(token, teamId);
        String refreshEnc = refreshToken == null ? null : cipher.encrypt(refreshToken, teamId + ":refresh");
        Instant at = installedAt == null ? clock.instant() : Instant.ofEpochMilli(installedAt);
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from slack_installation where team_id = :team").bind("team", teamId).execute();
            h.createUpdate("""
                            insert into slack_installation (team_id, enterprise_id, app_id, bot_id, bot_user_id, bot_scopes,
                                bot_token_enc, bot_refresh_token_enc, bot_token_expires_at, installer_user_id, installed_at)
                            values (:team, :enterprise, :app, :botId, :botUser, :scopes, :token, :refresh, :expires,
                                :installer, :at)""")
                    .bind("team", teamId).bind("enterprise", enterpriseId).bind("app", appId).bind("botId", botId)
                    .bind("botUser", botUserId).bind("scopes", scopes).bind("token", tokenEnc)
                    .bind("refresh", refreshEnc).bind("expires", expiresAt).bind("installer", installerUserId)
                    .bind("at", at).execute();
        });
        log.info("installation saved for team {}", teamId);
    }

    @Override
    public void deleteBot(Bot bot) {
        deleteAll(bot.getEnterpriseId(), bot.getTeamId());
    }

    /** No user tokens are kept (the app asks for none): nothing to delete. */
    @Override
    public void deleteInstaller(Installer installer) {
        // nothing stored per installing user
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        if (teamId == null) {
            return;
        }
        int rows = jdbi.withHandle(h -> h.createUpdate("delete from slack_installation where team_id = :team")
                .bind("team", teamId).execute());
        log.info("installation of team {} deleted ({} row{})", teamId, rows, rows == 1 ? "" : "s");
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        if (teamId == null) {
            return null;
        }
        Optional<Map<String, Object>> row = jdbi.withHandle(h -> h.createQuery(
                        "select * from slack_installation where team_id = :team")
                .bind("team", teamId).mapToMap().findOne());
        if (row.isEmpty()) {
            return null;
        }
        Map<String, Object> r = row.get();
        DefaultBot bot = new DefaultBot();
        bot.setTeamId(teamId);
        bot.setEnterpriseId((String) r.get("enterprise_id"));
        bot.setAppId((String) r.get("app_id"));
        bot.setBotId((String) r.get("bot_id"));
        bot.setBotUserId((String) r.get("bot_user_id"));
        bot.setBotScope((String) r.get("bot_scopes"));
        bot.setIsEnterpriseInstall(false);
        Object expires = r.get("bot_token_expires_at");
        bot.setBotTokenExpiresAt(expires == null ? null : ((Number) expires).longValue());
        try {
            bot.setBotAccessToken(cipher.decrypt((String) r.get("bot_token_enc"), teamId));
            String refresh = (String) r.get("bot_refresh_token_enc");
            bot.setBotRefreshToken(refresh == null ? null : cipher.decrypt(refresh, teamId + ":refresh"));
        } catch (TokenCipher.WrongKey e) {
            // the key check passed at start, so this row was altered or copied from another team's row
            log.warn("the stored token of team {} does not decrypt; treating the workspace as not installed", teamId);
            return null;
        }
        return bot;
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return "Interview Coach is not installed in this workspace (any more). Ask an admin to install it again.";
    }
}
