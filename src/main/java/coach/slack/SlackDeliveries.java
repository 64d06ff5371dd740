package coach.slack;

import coach.jobs.RetryLater;
import coach.store.Durability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a message at most once per delivery id. Before each attempt the row is claimed (one attempt at a time,
 * across instances); an attempt that may have reached Slack (a timeout, a 5xx) leaves the row "maybe posted", and
 * the next attempt first searches the conversation for a message carrying the delivery id in its metadata.
 *
 * <p>What cannot be checked: ephemeral messages (Slack keeps nothing the app can read back) are sent again after an
 * ambiguous failure, because a report lost is worse than one shown twice to the one person who can see it. If the
 * search itself is refused (the app lacks a history scope, or is not in the channel), the message is posted again
 * and a warning logged.
 */
public final class SlackDeliveries {
    private static final Logger log = LoggerFactory.getLogger(SlackDeliveries.class);
    /** How far before the first attempt a found message may be dated (clocks of Slack and the app differ a little). */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

    private final SlackPoster poster;
    private final DeliveryLog deliveries;
    private final Clock clock;
    private final Duration lease;
    private final Durability durability;

    /**
     * @param lease      how long an attempt in progress holds the delivery: longer than one Slack call can take
     * @param durability waited for before each post, so the claim that marks it "maybe posted" survives a crash
     */
    public SlackDeliveries(SlackPoster poster, DeliveryLog deliveries, Clock clock, Duration lease, Durability durability) {
        this.poster = poster;
        this.deliveries = deliveries;
        this.clock = clock;
        this.lease = lease;
        this.durability = durability;
    }

    /** Sends a MESSAGE or PRIVATE outgoing once; returns the message's ts (null for an ephemeral message). */
    public String postOnce(Outgoing o) throws SlackFault {
        return postOnce(o, ts -> {});
    }

    /**
     * Sends a MESSAGE or PRIVATE outgoing once; {@code onPosted} (what the post completes, such as recording which
     * message holds a question) is committed with the delivery's "sent", or run when it was sent before.
     */
    public String postOnce(Outgoing o, Consumer<String> onPosted) throws SlackFault {
        DeliveryLog.Opened opened = deliveries.open(o);
        if (!opened.claimed()) {
            DeliveryLog.Row row = opened.row();
            if (DeliveryLog.SENT.equals(row.status())) {
                onPosted.accept(row.messageTs());
                return row.messageTs();
            }
            Instant now = clock.instant();
            if (row.attemptStartedAt() != null && row.attemptStartedAt().isAfter(now.minus(lease))) {
                throw new RetryLater("delivery " + o.id() + " has an attempt in progress",
                        Duration.between(now, row.attemptStartedAt().plus(lease)));
            }
            if (row.maybePosted() && o.lookable()) {
                Optional<String> ts = lookFor(o, row.firstAttemptAt());
                if (ts.isPresent()) {
                    log.info("delivery {} was posted by an earlier attempt; not posting it again", o.id());
                    deliveries.sent(o.id(), ts.get(), () -> onPosted.accept(ts.get()));
                    return ts.get();
                }
            }
            if (!deliveries.claim(row, lease)) {
                throw new RetryLater("delivery " + o.id() + " was claimed by another attempt", lease);
            }
        }
        // a claim lost in a crash would let the next run post again without looking for this post first
        durability.await();
        String ts;
        try {
            ts = send(o);
        } catch (SlackFault f) {
            deliveries.attemptFailed(o.id(), f.mayHaveTakenEffect());
            throw f;
        } catch (RuntimeException e) {
            deliveries.attemptFailed(o.id(), true);
            throw e;
        }
        deliveries.sent(o.id(), ts, () -> onPosted.accept(ts));
        return ts;
    }

    private String send(Outgoing o) throws SlackFault {
        if (o.kind() == Outgoing.Kind.PRIVATE && !SlackPoster.isDirectMessage(o.channel())) {
            poster.forTeam(o.teamId()).postEphemeral(o.channel(), o.threadTs(), o.userId(), o.text(), o.blocksJson());
            return null;
        }
        return poster.forTeam(o.teamId()).post(o.channel(), o.threadTs(), o.text(), o.blocksJson(), o.id());
    }

    private Optional<String> lookFor(Outgoing o, Instant firstAttempt) throws SlackFault {
        Instant since = (firstAttempt == null ? clock.instant() : firstAttempt).minus(CLOCK_SLACK);
        try {
            return poster.forTeam(o.teamId()).findDelivery(o.channel(), o.threadTs(), o.id(), since);
        } catch (SlackFault f) {
            if (!f.permanent()) {
                throw f; // cannot tell yet: try again later rather than risk a second copy
            }
            log.warn("delivery {}: cannot search the conversation ({}); posting again may duplicate it", o.id(), f.error());
            return Optional.empty();
        }
    }

    /** Deletes the record of messages sent to this user (forget-me); the number of rows. */
    public int forget(String teamId, String userId) {
        return deliveries.forget(teamId, userId);
    }
}
