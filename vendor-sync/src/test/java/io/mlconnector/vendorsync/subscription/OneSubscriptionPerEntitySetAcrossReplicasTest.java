package io.mlconnector.vendorsync.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.vendorsync.LoopbackBcReceiver;
import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper.Action;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Two replicas of vendor-sync keep the same tenant's subscriptions (one store, one BC). Guards the check-then-create
 * race that left two BC subscriptions for one entity set: a replica that listed BC's subscriptions, then found the
 * other replica's freshly saved one in the store but not in its own (older) list, "re-created" it.
 */
class OneSubscriptionPerEntitySetAcrossReplicasTest {

    private static final List<String> SETS = List.of("vendors", "accounts", "dimensions");

    private SyncFixture fx;
    private LoopbackBcReceiver receiver;

    @BeforeEach
    void start() {
        fx = SyncFixture.start();
        receiver = new LoopbackBcReceiver(SyncFixture.CLIENT_STATE, n -> { });
    }

    @AfterEach
    void stop() {
        receiver.close();
        fx.close();
    }

    @Test
    void aCheckOnOneReplicaDuringAnotherReplicasCheckCreatesNoSecondSubscription() {
        SubscriptionKeeper b = keeper("replica-b", SubscriptionFeed.NONE);
        List<Outcome> bOutcomes = new ArrayList<>();
        AtomicBoolean bRan = new AtomicBoolean();
        // replica B's check runs while replica A is in the middle of its own (after A saved its first set)
        SubscriptionKeeper a = keeper("replica-a", (subscription, deleted) -> bRan.compareAndSet(false, true)
                ? b.maintain(fx.tenant).doOnNext(bOutcomes::addAll).then()
                : Mono.empty());

        List<Outcome> aOutcomes = a.maintain(fx.tenant).block();

        assertThat(bRan).isTrue();
        assertThat(fx.bcSandbox.subscriptions()).as("BC subscriptions")
                .extracting(s -> s.path("resource").asString())
                .containsExactlyInAnyOrderElementsOf(SETS.stream()
                        .map(set -> "api/v2.0/companies(" + SyncFixture.BC_COMPANY + ")/" + set).toList());
        assertThat(aOutcomes).extracting(Outcome::action).containsOnly(Action.CREATED);
        assertThat(bOutcomes).extracting(Outcome::action).doesNotContain(Action.CREATED, Action.RECREATED);
        for (String set : SETS) {
            assertThat(fx.subscriptionStore.find(SyncFixture.TENANT_ID, set).blockOptional()).as(set).isPresent();
        }
        // the next check on either replica keeps them
        assertThat(b.maintain(fx.tenant).block()).extracting(Outcome::action).containsOnly(Action.KEPT);
    }

    @Test
    void aReplicaPausedPastItsClaimWithdrawsTheSubscriptionItCreated() {
        // replica A's claim on "vendors" has run out (A paused); replica B claims and keeps the set meanwhile
        SubscriptionKeeper b = keeper("replica-b", SubscriptionFeed.NONE);
        Instant now = fx.clock.instant();
        long aClaim = fx.subscriptionStore.claim(SyncFixture.TENANT_ID, "vendors", "replica-a", now.minusSeconds(600),
                now.minusSeconds(300)).blockOptional().orElseThrow();
        Outcome kept = b.maintain(fx.tenant).block().get(0);
        assertThat(kept.action()).isEqualTo(Action.CREATED);

        // A wakes up and tries to save under its old claim: refused
        StoredSubscription late = new StoredSubscription(SyncFixture.TENANT_ID, "vendors", "late-one", "http://x",
                "r", now, null, now, null);
        assertThat(fx.subscriptionStore.saveClaimed(late, aClaim, now).block()).isFalse();
        assertThat(fx.subscriptionStore.find(SyncFixture.TENANT_ID, "vendors").blockOptional().orElseThrow()
                .subscriptionId())
                .isEqualTo(kept.subscriptionId());
    }

    @Test
    void aSetClaimedByAnotherReplicaIsLeftToIt() {
        Instant now = fx.clock.instant();
        fx.subscriptionStore.claim(SyncFixture.TENANT_ID, "accounts", "replica-a", now, now.plus(Duration.ofMinutes(5)))
                .blockOptional().orElseThrow();
        List<Outcome> outcomes = keeper("replica-b", SubscriptionFeed.NONE).maintain(fx.tenant).block();

        assertThat(outcomes).filteredOn(o -> o.entitySet().equals("accounts")).singleElement()
                .extracting(Outcome::action).isEqualTo(Action.BUSY);
        assertThat(fx.bcSandbox.subscriptions()).hasSize(2);
        assertThat(fx.subscriptionStore.find(SyncFixture.TENANT_ID, "accounts").blockOptional()).isEmpty();
    }

    private SubscriptionKeeper keeper(String holder, SubscriptionFeed feed) {
        return new SubscriptionKeeper(fx.bcClients, fx.subscriptionStore,
                new NotificationUrls(receiver.baseUrl(), null), SETS, Duration.ofDays(2), fx.metrics, fx.clock, feed,
                holder, Duration.ofMinutes(5));
    }
}
