package io.mlconnector.vendorsync.polling;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.vendor.VendorSyncReport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With webhooks off (or notifications silent), one poll by lastModifiedDateTime brings a BC change to Procore;
 * while notifications flow, the fallback poll stays idle. Purchase orders are polled by watermark too.
 */
@ExtendWith(NoBlockingCalls.class)
class BlockedVendorTurnsInactiveWithinOnePollTest {

    private SyncFixture fx;

    @BeforeEach
    void start() {
        fx = SyncFixture.start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void webhooksOffOnePollDeactivatesTheBlockedVendor() {
        VendorPoller poller = fx.vendorPoller(false, Duration.ofMinutes(30));
        assertThat(poller.pollIfQuiet(fx.tenant).blockOptional()).hasValueSatisfying(r ->
                assertThat(r.trigger()).isEqualTo(VendorSyncReport.Trigger.RECONCILIATION)); // first poll: full
        assertThat(poller.pollIfQuiet(fx.tenant).blockOptional().orElseThrow().writes()).as("idle poll").isZero();

        fx.bcSandbox.company().setVendorBlocked("V1070", "All");
        VendorSyncReport report = poller.pollIfQuiet(fx.tenant).blockOptional().orElseThrow();

        assertThat(report.trigger()).isEqualTo(VendorSyncReport.Trigger.POLL);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(fx.procoreVendor(3968007).path("is_active").asBoolean()).isFalse();
    }

    @Test
    void withWebhooksOnThePollWaitsForNotificationsToGoSilent() {
        fx.vendorSync.reconcile(fx.tenant).block();
        VendorPoller poller = fx.vendorPoller(true, Duration.ZERO.plusMillis(300));
        fx.state.advance("harbor-ridge", SyncStateStore.Field.LAST_NOTIFICATION_AT, Instant.now()).block();

        assertThat(poller.pollIfQuiet(fx.tenant).blockOptional()).as("a notification just came").isEmpty();

        fx.bcSandbox.company().setVendorBlocked("V1080", "All");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> poller.pollIfQuiet(fx.tenant).blockOptional().isPresent());
        assertThat(fx.procoreVendor(3968008).path("is_active").asBoolean()).isFalse();
    }

    @Test
    void purchaseOrdersArePolledByWatermarkStoredAndPublishedOnce() {
        fx.vendorSync.reconcile(fx.tenant).block();
        PurchaseOrderPoller poller = fx.purchaseOrderPoller();

        PurchaseOrderPoller.PollResult first = poller.poll(fx.tenant).block();
        PurchaseOrderPoller.PollResult second = poller.poll(fx.tenant).block();

        assertThat(first.read()).isPositive();
        assertThat(first.changed()).isEqualTo(first.read());
        assertThat(fx.purchaseOrderStore.count("harbor-ridge").block()).isEqualTo(first.read());
        assertThat(second.changed()).as("re-read within the overlap, nothing new").isZero();
        assertThat(fx.publishedPurchaseOrders).as("each order handed on once").hasSize(first.read());
        assertThat(fx.state.get("harbor-ridge", SyncStateStore.Field.PURCHASE_ORDER_WATERMARK).blockOptional()).isPresent();
    }

    @Test
    void anOrderThatCouldNotBeHandedOnIsHandedOnByTheNextPoll() {
        fx.vendorSync.reconcile(fx.tenant).block();
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<String> handedOn = new java.util.ArrayList<>();
        PurchaseOrderPoller poller = new PurchaseOrderPoller(fx.bcClients, fx.purchaseOrderStore, (t, order, linked, at) -> {
            if (down.get()) {
                return reactor.core.publisher.Mono.error(new IllegalStateException("Kafka down"));
            }
            handedOn.add(order.number());
            return reactor.core.publisher.Mono.empty();
        }, fx.links, fx.state, fx.metrics, Duration.ofMinutes(2), fx.clock);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> poller.poll(fx.tenant).block()).hasMessageContaining("Kafka down");
        down.set(false);
        PurchaseOrderPoller.PollResult retried = poller.poll(fx.tenant).block();

        assertThat(retried.changed()).isPositive();
        assertThat(handedOn).hasSize(retried.read());
    }
}
