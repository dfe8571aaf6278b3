package io.mlconnector.vendorsync.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcNotification;
import io.mlconnector.vendorsync.LoopbackBcReceiver;
import io.mlconnector.vendorsync.SyncFixture;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper;
import io.mlconnector.vendorsync.vendor.VendorSyncReport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import io.mlconnector.testing.NoBlockingCalls;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One notification cycle, end to end on loopback: the BC sandbox notifies the subscription's URL (a receiver that
 * does what the gateway does), the notification is handled, and the Procore sandbox shows the change. Guards
 * against a blocked vendor staying active in Procore, a duplicate notification writing twice, a "Payment" block
 * deactivating a vendor, and a new BC vendor not reaching Procore.
 */
@ExtendWith(NoBlockingCalls.class)
class VendorChangeReachesProcoreOnNotificationTest {

    private SyncFixture fx;
    private LoopbackBcReceiver receiver;

    @BeforeEach
    void start() {
        fx = SyncFixture.start();
        receiver = new LoopbackBcReceiver(SyncFixture.CLIENT_STATE, n -> { });
        fx.subscriptionKeeper(receiver.baseUrl(), Duration.ofDays(2)).maintain(fx.tenant).block();
        fx.vendorSync.reconcile(fx.tenant).block();
    }

    @AfterEach
    void stop() {
        receiver.close();
        fx.close();
    }

    @Test
    void blockedVendorTurnsInactiveWithinOneNotificationCycle() throws InterruptedException {
        assertThat(fx.procoreVendor(3968002).path("is_active").asBoolean()).isTrue();

        fx.bcSandbox.company().setVendorBlocked("V1020", "All");
        BcNotification n = receiver.next(10);

        assertThat(n).isNotNull();
        assertThat(n.getChangeType()).isEqualTo("updated");
        assertThat(n.getResource()).endsWith("/vendors(8f3c2a10-0000-4000-a000-000000000002)");
        VendorSyncReport report = fx.notifications.handle(n).blockOptional().orElseThrow();
        assertThat(report.updated()).isEqualTo(1);
        assertThat(fx.procoreVendor(3968002).path("is_active").asBoolean()).isFalse();

        long writes = fx.procoreVendorWrites();
        assertThat(fx.notifications.handle(n).blockOptional().orElseThrow().writes()).as("duplicate delivery").isZero();
        assertThat(fx.procoreVendorWrites()).isEqualTo(writes);
        assertThat(fx.meter("mlc.vendorsync.notifications", "tenant", "harbor-ridge", "entitySet", "vendors",
                "changeType", "updated")).isEqualTo(2.0);
    }

    @Test
    void paymentBlockKeepsTheProcoreVendorActive() throws InterruptedException {
        fx.bcSandbox.company().setVendorBlocked("V1030", "Payment");

        VendorSyncReport report = fx.notifications.handle(receiver.next(10)).blockOptional().orElseThrow();

        assertThat(report.writes()).isZero();
        assertThat(fx.procoreVendor(3968003).path("is_active").asBoolean()).isTrue();
    }

    @Test
    void vendorAddedInBcAppearsInProcore() throws InterruptedException {
        fx.bcSandbox.company().addVendor(JsonMapper.builder().build().createObjectNode()
                .put("number", "V1330").put("displayName", "Tidewater Concrete Pumping")
                .put("addressLine1", "88 Port Way").put("city", "Tacoma").put("state", "WA").put("country", "US"));

        BcNotification n = receiver.next(10);
        assertThat(n.getChangeType()).isEqualTo("created");
        VendorSyncReport report = fx.notifications.handle(n).blockOptional().orElseThrow();

        assertThat(report.created()).isEqualTo(1);
        String id = n.getResource().replaceAll(".*vendors\\(([0-9a-f-]{36})\\)$", "$1");
        assertThat(fx.procoreVendorWithOrigin(id)).hasValueSatisfying(v -> {
            assertThat(v.path("name").asString()).isEqualTo("Tidewater Concrete Pumping");
            assertThat(v.path("origin_code").asString()).isEqualTo("V1330");
            assertThat(v.path("is_active").asBoolean()).isTrue();
        });
    }

    @Test
    void collectionNotificationPagesTheChangedVendors() {
        fx.bcSandbox.company().setVendorBlocked("V1040", "All");
        fx.bcSandbox.company().setVendorBlocked("V1050", "All");
        receiver.drain();
        BcNotification collection = BcNotification.newBuilder().setTenantId("harbor-ridge").setSubscriptionId("s")
                .setResource("api/v2.0/companies(" + SyncFixture.BC_COMPANY + ")/vendors?$filter=lastModifiedDateTime"
                        + "%20gt%20" + Instant.now().minusSeconds(60))
                .setChangeType("collection").setLastModifiedDateTime(Instant.now()).setObservedAt(Instant.now())
                .build();

        VendorSyncReport report = fx.notifications.handle(collection).blockOptional().orElseThrow();

        assertThat(report.updated()).isEqualTo(2);
        assertThat(fx.procoreVendor(3968004).path("is_active").asBoolean()).isFalse();
        assertThat(fx.procoreVendor(3968005).path("is_active").asBoolean()).isFalse();
    }

    @Test
    void deletedVendorIsDeactivatedInProcore() {
        BcNotification deleted = BcNotification.newBuilder().setTenantId("harbor-ridge").setSubscriptionId("s")
                .setResource("api/v2.0/companies(" + SyncFixture.BC_COMPANY
                        + ")/vendors(8f3c2a10-0000-4000-a000-000000000006)")
                .setChangeType("deleted").setObservedAt(Instant.now()).build();

        VendorSyncReport report = fx.notifications.handle(deleted).blockOptional().orElseThrow();

        assertThat(report.deactivated()).isEqualTo(1);
        assertThat(fx.procoreVendor(3968006).path("is_active").asBoolean()).isFalse();
        assertThat(fx.links.find("harbor-ridge", java.util.UUID.fromString("8f3c2a10-0000-4000-a000-000000000006"))
                .blockOptional().orElseThrow().deletedInBc()).isTrue();
    }

    @Test
    void notificationForAnotherCompanyOrEntityDoesNothing() {
        long writes = fx.procoreVendorWrites();
        BcNotification otherCompany = BcNotification.newBuilder().setTenantId("harbor-ridge").setSubscriptionId("s")
                .setResource("api/v2.0/companies(00000000-0000-4000-8000-000000000999)/vendors("
                        + "8f3c2a10-0000-4000-a000-000000000002)")
                .setChangeType("updated").setObservedAt(Instant.now()).build();
        BcNotification accounts = BcNotification.newBuilder(otherCompany)
                .setResource("api/v2.0/companies(" + SyncFixture.BC_COMPANY + ")/accounts("
                        + "8f3c2a10-0000-4000-a000-000000000002)").build();

        assertThat(fx.notifications.handle(otherCompany).blockOptional()).isEmpty();
        assertThat(fx.notifications.handle(accounts).blockOptional()).isEmpty();
        assertThat(fx.procoreVendorWrites()).isEqualTo(writes);
    }

    @Test
    void subscriptionKeeperIsIdleWhileSubscriptionIsFresh() {
        SubscriptionKeeper keeper = fx.subscriptionKeeper(receiver.baseUrl(), Duration.ofDays(2));
        assertThat(keeper.maintain(fx.tenant).block()).singleElement()
                .satisfies(o -> assertThat(o.action()).isEqualTo(SubscriptionKeeper.Action.KEPT));
    }
}
