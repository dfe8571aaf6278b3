package io.mlconnector.vendorsync.reactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.mlconnector.bc.BcPurchaseOrder;
import io.mlconnector.events.VendorLinkOrigin;
import io.mlconnector.testing.NoBlockingCalls;
import io.mlconnector.vendorsync.polling.PurchaseOrderStore;
import io.mlconnector.vendorsync.polling.SyncStateStore;
import io.mlconnector.vendorsync.subscription.StoredSubscription;
import io.mlconnector.vendorsync.subscription.SubscriptionStore;
import io.mlconnector.vendorsync.vendor.LinkedVendor;
import io.mlconnector.vendorsync.vendor.VendorLinkStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every call of vendor-sync's four MongoDB stores, subscribed on a non-blocking thread (a Reactor parallel worker,
 * which BlockHound watches as it watches Netty's event loops): a store that waited for the database on the calling
 * thread (the blocking driver did) fails here, through {@link NoBlockingCalls}. The values read back prove each call
 * did its work. The first test proves BlockHound is watching this JVM.
 */
@ExtendWith(NoBlockingCalls.class)
class StoreCallsDoNotBlockAnEventLoopTest {

    private static final String TENANT = "harbor-ridge";
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + MONGO.bind().getPort());
    private static final MongoDatabase DB = CLIENT.getDatabase("vendor-sync-store-noblock-test");

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.shutdownNow();
    }

    @Test
    void blockHoundIsWatchingThisJvm() {
        assertThatThrownBy(() -> onEventLoop(() -> Mono.fromRunnable(StoreCallsDoNotBlockAnEventLoopTest::sleep)))
                .hasCauseInstanceOf(BlockingOperationError.class);
        assertThat(NoBlockingCalls.takeDetected()).singleElement().asString().contains("Thread.sleep");
    }

    @Test
    void vendorLinkStore() {
        VendorLinkStore links = new VendorLinkStore(DB);
        UUID bcVendor = UUID.randomUUID();
        LinkedVendor link = new LinkedVendor(TENANT, bcVendor, "V1010", 3968001L, "hash", true, false,
                VendorLinkOrigin.SYNCED, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        onEventLoop(links::createIndexes);
        assertThat(onEventLoop(() -> links.save(link))).isEmpty();
        assertThat(onEventLoop(() -> links.find(TENANT, bcVendor))).isEqualTo(link);
        assertThat(onEventLoop(() -> links.findByProcoreVendor(TENANT, 3968001L))).isEqualTo(link);
        assertThat(onEventLoop(() -> links.unpublished(TENANT).collectList())).containsExactly(link);
        onEventLoop(() -> links.markPublished(link));
        assertThat(onEventLoop(() -> links.unpublished(TENANT).collectList())).isEmpty();
        assertThat(onEventLoop(() -> links.all(TENANT).collectList())).containsExactly(link);
        assertThat(onEventLoop(() -> links.legacyLinks(TENANT).collectList())).isEmpty();
    }

    @Test
    void subscriptionStore() {
        SubscriptionStore store = new SubscriptionStore(DB);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StoredSubscription subscription = new StoredSubscription(TENANT, "vendors", "sub-1",
                "https://gateway.example.com/webhooks/bc/" + TENANT, "api/v2.0/companies(c)/vendors",
                now.plus(Duration.ofDays(3)), "W/\"1\"", now, null);
        onEventLoop(() -> store.save(subscription));
        assertThat(onEventLoop(() -> store.find(TENANT, "vendors"))).isEqualTo(subscription);
        assertThat(onEventLoop(() -> store.all(TENANT).collectList())).containsExactly(subscription);
    }

    @Test
    void syncStateStore() {
        SyncStateStore state = new SyncStateStore(DB);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        onEventLoop(() -> state.advance(TENANT, SyncStateStore.Field.VENDOR_WATERMARK, at));
        onEventLoop(() -> state.advance(TENANT, SyncStateStore.Field.VENDOR_WATERMARK, at.minusSeconds(60)));
        assertThat(onEventLoop(() -> state.get(TENANT, SyncStateStore.Field.VENDOR_WATERMARK))).as("never back")
                .isEqualTo(at);
    }

    @Test
    void purchaseOrderStore() {
        PurchaseOrderStore orders = new PurchaseOrderStore(DB);
        BcPurchaseOrder po = new BcPurchaseOrder(UUID.randomUUID(), "106001", LocalDate.of(2026, 9, 14),
                UUID.randomUUID(), "V1010", "Apex Concrete", "Open", new BigDecimal("1250.40"), Instant.now());
        assertThat(onEventLoop(() -> orders.save(TENANT, po, false, Instant.now()))).isTrue();
        assertThat(onEventLoop(() -> orders.hasChanged(TENANT, po, false))).isFalse();
        assertThat(onEventLoop(() -> orders.save(TENANT, po, false, Instant.now()))).isFalse();
        assertThat(onEventLoop(() -> orders.count(TENANT))).isEqualTo(1L);
        assertThat(onEventLoop(() -> orders.countWithUnlinkedVendor(TENANT))).isEqualTo(1L);
    }

    /** Calls the store on a non-blocking thread and waits (on the test's own thread) for what it emits. */
    private static <T> T onEventLoop(Supplier<Mono<T>> call) {
        return Mono.defer(call).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(30));
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
