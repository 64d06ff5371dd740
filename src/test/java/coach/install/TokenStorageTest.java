package coach.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coach.store.Database;
import coach.testing.MutableClock;
import coach.testing.TestApps;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pieces of the multi-workspace install that need no server: the cipher, the stores. */
class TokenStorageTest {
    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String TOKEN = "xoxb-" + "fake-token";
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    final Database db = Database.open(TestApps.memoryDb());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachEncryptionHasItsOwnIvAndOpensOnlyForItsOwnTeamAndKey() throws Exception {
        TokenCipher cipher = TokenCipher.fromBase64Key(KEY);
        String a = cipher.encrypt(TOKEN, "TA");
        String b = cipher.encrypt(TOKEN, "TA");
        assertThat(a).isNotEqualTo(b).startsWith("v1:").doesNotContain(TOKEN);
        assertThat(cipher.decrypt(a, "TA")).isEqualTo(TOKEN);
        // moved to another team's row, sealed with another key, or altered: refused
        assertThatThrownBy(() -> cipher.decrypt(a, "TB")).isInstanceOf(TokenCipher.WrongKey.class);
        TokenCipher other = TokenCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> other.decrypt(a, "TA")).isInstanceOf(TokenCipher.WrongKey.class);
        char[] chars = a.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.decrypt(new String(chars), "TA")).isInstanceOf(TokenCipher.WrongKey.class);
        assertThat(other.opens(cipher.newCheckValue())).isFalse();
        assertThat(cipher.opens(cipher.newCheckValue())).isTrue();
    }

    @Test
    void aKeyMustBe32BytesOfBase64() {
        for (String bad : List.of("passphrase", Base64.getEncoder().encodeToString(new byte[16]), "%%%")) {
            assertThatThrownBy(() -> TokenCipher.fromBase64Key(bad)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("COACH_TOKEN_KEY must be 32 random bytes in base64").hasMessageNotContaining(bad);
        }
    }

    @Test
    void theStoreKeepsTokensEncryptedAndRefusesAnotherKeyAtOpen() {
        InstallationStore store = InstallationStore.open(db.jdbi(), TokenCipher.fromBase64Key(KEY), clock);
        store.saveInstallerAndBot(DefaultInstaller.builder().teamId("TA").appId("A1").botUserId("UBOT").botId("B1")
                .botAccessToken(TOKEN).botScope("chat:write").installerUserId("U1").installedAt(1L).build());
        assertThat(store.botToken("TA")).contains(TOKEN);
        assertThat(store.botToken("TB")).isEmpty();
        String stored = db.jdbi().withHandle(h -> h.createQuery("select bot_token_enc from slack_installation")
                .mapTo(String.class).one());
        assertThat(stored).doesNotContain(TOKEN);
        // the same key opens the store again; another key does not
        assertThat(InstallationStore.open(db.jdbi(), TokenCipher.fromBase64Key(KEY), clock).botToken("TA")).contains(TOKEN);
        assertThatThrownBy(() -> InstallationStore.open(db.jdbi(),
                TokenCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32])), clock))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("COACH_TOKEN_KEY is not the key");
        store.deleteAll(null, "TA");
        assertThat(store.botToken("TA")).isEmpty();
    }

    @Test
    void aStateIsAvailableUntilItExpiresOrIsConsumed() {
        OAuthStates states = new OAuthStates(db.jdbi(), clock);
        String s1 = states.generateNewStateValue();
        String s2 = states.generateNewStateValue();
        assertThat(s1).isNotEqualTo(s2);
        states.addNewStateToDatastore(s1);
        states.addNewStateToDatastore(s2);
        assertThat(states.isAvailableInDatabase(s1)).isTrue();
        assertThat(states.isAvailableInDatabase("never-issued")).isFalse();
        states.deleteStateFromDatastore(s1);
        assertThat(states.isAvailableInDatabase(s1)).isFalse();
        clock.advance(OAuthStates.LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(states.isAvailableInDatabase(s2)).isFalse();
        // expired rows are cleared as new states are issued
        states.addNewStateToDatastore(states.generateNewStateValue());
        Integer rows = db.jdbi().withHandle(h -> h.createQuery("select count(*) from slack_oauth_state").mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
    }
}
