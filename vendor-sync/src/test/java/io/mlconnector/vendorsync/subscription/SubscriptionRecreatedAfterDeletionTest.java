package io.mlconnector.vendorsync.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.vendorsync.LoopbackBcReceiver;
import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper.Action;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guards against silently losing notifications when BC deletes a subscription (failed deliveries, an admin):
 * the next check re-creates it with the tenant's notification URL and clientState; a restart with an empty store
 * adopts the live subscription instead of piling up duplicates (BC allows 200 per environment).
 */
@ExtendWith(NoBlockingCalls.class)
class SubscriptionRecreatedAfterDeletionTest {

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
    void deletedOnBcSideIsRecreatedAtTheNextCheck() {
        SubscriptionKeeper keeper = fx.subscriptionKeeper(receiver.baseUrl(), Duration.ofDays(2));
        Outcome created = keeper.maintain(fx.tenant).block().get(0);
        assertThat(keeper.maintain(fx.tenant).block().get(0).action()).isEqualTo(Action.KEPT);

        assertThat(fx.bcSandbox.deleteSubscriptionOnBcSide(created.subscriptionId())).isTrue();
        Outcome recreated = keeper.maintain(fx.tenant).block().get(0);

        assertThat(recreated.action()).isEqualTo(Action.RECREATED);
        assertThat(fx.bcSandbox.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.path("subscriptionId").asString()).isEqualTo(recreated.subscriptionId());
            assertThat(s.path("notificationUrl").asString())
                    .isEqualTo(receiver.baseUrl() + "/webhooks/bc/harbor-ridge");
            assertThat(s.path("clientState").asString()).isEqualTo(SyncFixture.CLIENT_STATE);
            assertThat(s.path("resource").asString())
                    .isEqualTo("api/v2.0/companies(" + SyncFixture.BC_COMPANY + ")/vendors");
        });
        assertThat(fx.subscriptionStore.find("harbor-ridge", "vendors").blockOptional().orElseThrow().subscriptionId())
                .isEqualTo(recreated.subscriptionId());
    }

    @Test
    void emptyStoreAdoptsTheLiveSubscriptionInsteadOfCreatingASecond() {
        SubscriptionKeeper keeper = fx.subscriptionKeeper(receiver.baseUrl(), Duration.ofDays(2));
        Outcome created = keeper.maintain(fx.tenant).block().get(0);
        reactor.core.publisher.Mono.from(fx.db.getCollection(SubscriptionStore.COLLECTION).drop()).block();

        Outcome adopted = keeper.maintain(fx.tenant).block().get(0);

        assertThat(adopted.action()).isEqualTo(Action.ADOPTED);
        assertThat(adopted.subscriptionId()).isEqualTo(created.subscriptionId());
        assertThat(fx.bcSandbox.subscriptions()).hasSize(1);
    }

    @Test
    void handshakeIsAnsweredAndAFailedHandshakeCreatesNothing() {
        SubscriptionKeeper keeper = fx.subscriptionKeeper(receiver.baseUrl(), Duration.ofDays(2));
        receiver.answerHandshakes(false);

        assertThat(keeper.maintain(fx.tenant).block().get(0).action()).isEqualTo(Action.FAILED);
        assertThat(fx.bcSandbox.subscriptions()).isEmpty();
        assertThat(receiver.handshakes()).isEqualTo(1);

        receiver.answerHandshakes(true);
        assertThat(keeper.maintain(fx.tenant).block().get(0).action()).isEqualTo(Action.CREATED);
        assertThat(fx.bcSandbox.subscriptions()).extracting((JsonNode s) -> s.path("notificationUrl").asString())
                .containsExactly(receiver.baseUrl() + "/webhooks/bc/harbor-ridge");
        assertThat(receiver.handshakes()).isEqualTo(2);
    }

    @Test
    void gatewayUrlChangeMovesTheSubscription() {
        fx.subscriptionKeeper(receiver.baseUrl(), Duration.ofDays(2)).maintain(fx.tenant).block();
        try (LoopbackBcReceiver moved = new LoopbackBcReceiver(SyncFixture.CLIENT_STATE, n -> { })) {
            Outcome outcome = fx.subscriptionKeeper(moved.baseUrl(), Duration.ofDays(2)).maintain(fx.tenant).block().get(0);

            assertThat(outcome.action()).isEqualTo(Action.RENEWED);
            assertThat(fx.bcSandbox.subscriptions()).singleElement().satisfies(s -> assertThat(
                    s.path("notificationUrl").asString()).isEqualTo(moved.baseUrl() + "/webhooks/bc/harbor-ridge"));
        }
    }
}
