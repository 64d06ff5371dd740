package coach.install;

import com.slack.api.bolt.service.OAuthStateService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.jdbi.v3.core.Jdbi;

/**
 * Bolt's {@link OAuthStateService} over the app's database (table slack_oauth_state), so the state issued by one
 * instance is honoured by another. Bolt's own rules apply on return: the state in the query must equal the one in
 * the installing browser's cookie and be in the table, unexpired; it is then deleted (consumed), so it works once.
 */
public final class OAuthStates implements OAuthStateService {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OAuthStates(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** 32 random bytes, URL-safe: unguessable, and nothing in it needs escaping in a URL or a cookie. */
    @Override
    public String generateNewStateValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public long getExpirationInSeconds() {
        return LIFETIME.toSeconds();
    }

    @Override
    public void addNewStateToDatastore(String state) {
        jdbi.useHandle(h -> {
            // expired states are never accepted; clear them out as new ones are issued
            h.createUpdate("delete from slack_oauth_state where expires_at < :now").bind("now", clock.instant()).execute();
            h.createUpdate("insert into slack_oauth_state (state, expires_at) values (:state, :expires)")
                    .bind("state", state).bind("expires", clock.instant().plus(LIFETIME)).execute();
        });
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from slack_oauth_state where state = :state and expires_at > :now")
                .bind("state", state).bind("now", clock.instant()).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        jdbi.useHandle(h -> h.createUpdate("delete from slack_oauth_state where state = :state")
                .bind("state", state).execute());
    }
}
