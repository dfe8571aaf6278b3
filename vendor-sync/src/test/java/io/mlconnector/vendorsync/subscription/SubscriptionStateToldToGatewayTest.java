package io.mlconnector.vendorsync.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.vendorsync.LoopbackBcReceiver;
import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper.Action;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook-gateway accepts BC notifications only for subscriptions it knows (it never reads vendor-sync's
 * collection): every check tells the feed each subscription's state, and a replaced subscription as deleted, so
 * notifications for it stop being accepted.
 */
@ExtendWith(NoBlockingCalls.class)
class SubscriptionStateToldToGatewayTest {

    record Told(String subscriptionId, String tenantId, String entitySet, String resource,
                java.time.Instant expiry, boolean deleted) {
    }

    private final List<Told> told = new CopyOnWriteArrayList<>();
    private SyncFixture fx;
    private LoopbackBcReceiver receiver;
    private SubscriptionKeeper keeper;

    @BeforeEach
    void start() {
        fx = SyncFixture.start();
        receiver = new LoopbackBcReceiver(SyncFixture.CLIENT_STATE, n -> { });
        keeper = new SubscriptionKeeper(fx.bcClients, fx.subscriptionStore,
                new NotificationUrls(receiver.baseUrl(), null), List.of("vendors"), Duration.ofDays(2), fx.metrics,
                fx.clock, (s, deleted) -> reactor.core.publisher.Mono.fromRunnable(() -> told.add(new Told(s.subscriptionId(),
                        s.tenantId(), s.entitySet(), s.resource(), s.expirationDateTime(), deleted))));
    }

    @AfterEach
    void stop() {
        receiver.close();
        fx.close();
    }

    @Test
    void createdKeptAndRecreatedSubscriptionsAreToldAndTheReplacedOneAsDeleted() {
        Outcome created = keeper.maintain(fx.tenant).block().get(0);
        assertThat(told).containsExactly(new Told(created.subscriptionId(), "harbor-ridge", "vendors",
                "api/v2.0/companies(" + SyncFixture.BC_COMPANY + ")/vendors", created.expirationDateTime(), false));

        told.clear();
        assertThat(keeper.maintain(fx.tenant).block().get(0).action()).isEqualTo(Action.KEPT);
        assertThat(told).as("re-sent at every check, so a lost one heals").extracting(Told::subscriptionId)
                .containsExactly(created.subscriptionId());

        told.clear();
        fx.bcSandbox.deleteSubscriptionOnBcSide(created.subscriptionId());
        Outcome recreated = keeper.maintain(fx.tenant).block().get(0);
        assertThat(recreated.action()).isEqualTo(Action.RECREATED);
        assertThat(told).extracting(Told::subscriptionId, Told::deleted).containsExactly(
                org.assertj.core.groups.Tuple.tuple(created.subscriptionId(), true),
                org.assertj.core.groups.Tuple.tuple(recreated.subscriptionId(), false));
    }

    @Test
    void aFeedThatFailsDoesNotFailTheCheck() {
        keeper = new SubscriptionKeeper(fx.bcClients, fx.subscriptionStore,
                new NotificationUrls(receiver.baseUrl(), null), List.of("vendors"), Duration.ofDays(2), fx.metrics,
                fx.clock, (s, deleted) -> {
                    throw new IllegalStateException("broker down");
                });
        assertThat(keeper.maintain(fx.tenant).block().get(0).action()).isEqualTo(Action.CREATED);
    }
}
