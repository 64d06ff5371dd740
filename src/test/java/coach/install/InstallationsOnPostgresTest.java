package coach.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coach.store.Database;
import coach.testing.MutableClock;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The installation tables and stores on a real PostgreSQL (the migration set is shared with H2). */
class InstallationsOnPostgresTest {
    static final String TOKEN = "xoxb-" + "fake-pg";

    @Test
    void installsReinstallsRotatesAndUninstallsOnPostgres() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
             Database db = Database.open(pg.getJdbcUrl("postgres", "postgres"))) {
            TokenCipher cipher = TokenCipher.fromBase64Key(TokenStorageTest.KEY);
            InstallationStore store = InstallationStore.open(db.jdbi(), cipher, clock);
            store.saveInstallerAndBot(DefaultInstaller.builder().teamId("TA").botAccessToken(TOKEN).botUserId("UB")
                    .installerUserId("U1").installedAt(1L).build());
            // installed again: one row, the new token
            store.saveInstallerAndBot(DefaultInstaller.builder().teamId("TA").botAccessToken(TOKEN + "-2").botUserId("UB")
                    .installerUserId("U1").installedAt(2L).build());
            assertThat(store.botToken("TA")).contains(TOKEN + "-2");
            // a rotated token (Bolt's saveBot) keeps the installer and expiry
            DefaultBot bot = (DefaultBot) store.findBot(null, "TA");
            bot.setBotAccessToken(TOKEN + "-3");
            bot.setBotRefreshToken("xoxe-" + "fake-refresh");
            bot.setBotTokenExpiresAt(123_456L);
            store.saveBot(bot);
            var found = store.findBot(null, "TA");
            assertThat(found.getBotAccessToken()).isEqualTo(TOKEN + "-3");
            assertThat(found.getBotRefreshToken()).isEqualTo("xoxe-" + "fake-refresh");
            assertThat(found.getBotTokenExpiresAt()).isEqualTo(123_456L);
            Integer rows = db.jdbi().withHandle(h -> h.createQuery("select count(*) from slack_installation").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);

            OAuthStates states = new OAuthStates(db.jdbi(), clock);
            states.addNewStateToDatastore("s1");
            assertThat(states.isAvailableInDatabase("s1")).isTrue();
            clock.advance(OAuthStates.LIFETIME.plusSeconds(1));
            assertThat(states.isAvailableInDatabase("s1")).isFalse();

            // a second start with the same key opens the store; another key is refused
            assertThat(InstallationStore.open(db.jdbi(), cipher, clock).botToken("TA")).isPresent();
            assertThatThrownBy(() -> InstallationStore.open(db.jdbi(),
                    TokenCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32])), clock))
                    .isInstanceOf(IllegalStateException.class);
            store.deleteAll(null, "TA");
            assertThat(store.botToken("TA")).isEmpty();
        }
    }
}
