package io.mlconnector.gateway.dedupe;

import java.time.Instant;

/**
 * What the dedupe store said about one delivery id.
 *
 * @param claimedAt the claim's own timestamp; release and completion match on it, so a stale claim taken over by a
 *                  redelivery is never released by the instance that lost it
 */
public record DeliveryClaim(String id, Outcome outcome, Instant claimedAt) {

    public enum Outcome {
        /** First time seen (or a stale claim taken over): publish it. */
        CLAIMED,
        /** Already published: acknowledge, publish nothing. */
        DUPLICATE,
        /** Another request is publishing it right now: ask the sender to retry. */
        IN_FLIGHT
    }
}
