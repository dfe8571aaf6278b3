package io.mlconnector.vendorsync.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.bc.BcClientOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import io.mlconnector.bc.CircuitBreakerOptions;
import io.mlconnector.bc.BcResilience;
import io.mlconnector.procore.ApiCallListener;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.procore.ProcoreResilience;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.vendorsync.KafkaSends;
import io.mlconnector.vendorsync.VendorSyncMetrics;
import io.mlconnector.events.VendorLink;
import io.mlconnector.vendorsync.api.ReportRoutes;
import io.mlconnector.vendorsync.api.VendorLinkRoutes;
import io.mlconnector.vendorsync.vendor.KafkaVendorLinkFeed;
import io.mlconnector.vendorsync.vendor.VendorLinkFeed;
import io.mlconnector.vendorsync.notification.BcNotificationListener;
import io.mlconnector.vendorsync.notification.NotificationHandler;
import io.mlconnector.vendorsync.polling.PurchaseOrderPoller;
import io.mlconnector.vendorsync.polling.PurchaseOrderStore;
import io.mlconnector.vendorsync.polling.SyncStateStore;
import io.mlconnector.vendorsync.polling.VendorPoller;
import io.mlconnector.vendorsync.schedule.VendorSyncJobs;
import io.mlconnector.vendorsync.subscription.NotificationUrls;
import io.mlconnector.vendorsync.subscription.SubscriptionKeeper;
import io.mlconnector.vendorsync.subscription.SubscriptionStore;
import io.mlconnector.vendorsync.vendor.VendorLinkStore;
import io.mlconnector.vendorsync.vendor.VendorSync;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import io.mlconnector.events.BcPurchaseOrderObserved;
import io.mlconnector.vendorsync.polling.KafkaPurchaseOrderFeed;
import io.mlconnector.vendorsync.polling.PurchaseOrderFeed;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Wires vendor-sync: clients per tenant, the Mongo stores, the sync, the subscription keeper, polls and jobs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VendorSyncProperties.class)
@org.springframework.context.annotation.Import(io.mlconnector.service.config.DeadLetterApiConfiguration.class)
public class VendorSyncConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VendorSyncConfiguration.class);

    /** Injectable so tests can move time (3-day subscription expiry); a test replaces this bean. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock vendorSyncClock() {
        return Clock.systemUTC();
    }

    @Bean
    VendorSyncMetrics vendorSyncMetrics(MeterRegistry registry) {
        return new VendorSyncMetrics(registry);
    }

    @Bean
    BcClients bcClients(ObjectProvider<WebClient.Builder> webClient, Clock clock, MeterRegistry registry,
                        @Value("${mlc.bc.circuit-breaker.minimum-calls:10}") int breakerMinimumCalls,
                        @Value("${mlc.bc.circuit-breaker.open-for:30s}") Duration breakerOpenFor) {
        CircuitBreakerOptions breaker = CircuitBreakerOptions.defaults();
        BcClientOptions options = BcClientOptions.defaults().withCircuitBreaker(new CircuitBreakerOptions(
                Math.max(breaker.slidingWindowSize(), breakerMinimumCalls), breakerMinimumCalls,
                breaker.failureRatePercent(), breakerOpenFor, breaker.halfOpenCalls()));
        return new BcClients(webClient.getIfAvailable(WebClient::builder), clock, id -> options,
                new BcResilience().bindTo(registry));
    }

    @Bean
    ProcoreClients procoreClients(ObjectProvider<WebClient.Builder> webClient, Clock clock,
                                  VendorSyncProperties properties, MeterRegistry registry) {
        return new ProcoreClients(webClient.getIfAvailable(WebClient::builder), clock,
                ProcoreClientOptions.defaults().withPerPage(properties.procorePerPage()), id -> ApiCallListener.NONE,
                new ProcoreResilience().bindTo(registry));
    }

    /** Its indexes are created at start, on the starting thread; an unreachable store is logged, not fatal. */
    @Bean
    VendorLinkStore vendorLinkStore(MongoDatabase reactiveMongoDatabase) {
        VendorLinkStore store = new VendorLinkStore(reactiveMongoDatabase);
        try {
            store.createIndexes().block();
        } catch (RuntimeException e) {
            log.warn("vendor_links indexes not created (MongoDB unreachable?): {}", e.toString());
        }
        return store;
    }

    @Bean
    SyncStateStore syncStateStore(MongoDatabase reactiveMongoDatabase) {
        return new SyncStateStore(reactiveMongoDatabase);
    }

    @Bean
    SubscriptionStore subscriptionStore(MongoDatabase reactiveMongoDatabase) {
        return new SubscriptionStore(reactiveMongoDatabase);
    }

    @Bean
    PurchaseOrderStore purchaseOrderStore(MongoDatabase reactiveMongoDatabase) {
        return new PurchaseOrderStore(reactiveMongoDatabase);
    }

    @Bean(destroyMethod = "close")
    KafkaSends vendorSyncKafkaSends() {
        return new KafkaSends();
    }

    @Bean
    VendorLinkFeed vendorLinkFeed(KafkaTemplate<String, VendorLink> kafka, KafkaSends sends) {
        return new KafkaVendorLinkFeed(kafka, sends);
    }

    @Bean
    VendorSync vendorSync(BcClients bc, ProcoreClients procore, VendorLinkStore links, VendorLinkFeed feed,
                          SyncStateStore state, VendorSyncMetrics metrics, Clock clock) {
        return new VendorSync(bc, procore, links, feed, state, metrics, clock);
    }

    @Bean
    SubscriptionKeeper subscriptionKeeper(BcClients bc, SubscriptionStore store, VendorSyncProperties properties,
                                          VendorSyncMetrics metrics, Clock clock,
                                          KafkaTemplate<String, io.mlconnector.events.BcSubscriptionState> kafka,
                                          KafkaSends sends) {
        return new SubscriptionKeeper(bc, store,
                new NotificationUrls(properties.notificationBaseUrl(), properties.notificationPath()),
                properties.entitySets(), properties.renewBefore(), metrics, clock,
                new io.mlconnector.vendorsync.subscription.KafkaSubscriptionFeed(kafka, clock, sends));
    }

    @Bean
    NotificationHandler notificationHandler(TenantRegistry tenants, BcClients bc, VendorSync vendors,
                                            SyncStateStore state, VendorSyncMetrics metrics, Clock clock) {
        return new NotificationHandler(tenants, bc, vendors, state, metrics, clock);
    }

    @Bean
    BcNotificationListener bcNotificationListener(NotificationHandler handler,
                                                  io.mlconnector.service.kafka.RecordDecoder decoder) {
        return new BcNotificationListener(handler, decoder);
    }

    /**
     * A failed notification is retried with back-off (BC or Procore briefly down), then kept on the dead-letter topic;
     * the next reconciliation or poll converges anyway. Bad notifications (unreadable, a resource that cannot be
     * parsed) go there at once.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(org.springframework.kafka.core.ProducerFactory<?, ?> producers,
                                         io.mlconnector.service.kafka.PartitionStalls stalls,
                                         @org.springframework.beans.factory.annotation.Value(
                                                 "${mlc.vendor-sync.notification-retry-for:2m}") java.time.Duration retryFor) {
        return io.mlconnector.service.kafka.DeadLetters.retryThenDeadLetter(
                io.mlconnector.service.kafka.DeadLetters.recoverer(producers, stalls), retryFor);
    }

    @Bean
    VendorPoller vendorPoller(BcClients bc, VendorSync vendors, SyncStateStore state, VendorSyncMetrics metrics,
                              VendorSyncProperties properties, Clock clock) {
        return new VendorPoller(bc, vendors, state, metrics, properties.webhooksEnabled(),
                properties.notificationSilence(), properties.watermarkOverlap(), clock);
    }

    @Bean
    PurchaseOrderFeed purchaseOrderFeed(KafkaTemplate<String, BcPurchaseOrderObserved> kafka, KafkaSends sends) {
        return new KafkaPurchaseOrderFeed(kafka, sends);
    }

    @Bean
    PurchaseOrderPoller purchaseOrderPoller(BcClients bc, PurchaseOrderStore orders, PurchaseOrderFeed publisher,
                                            VendorLinkStore links,
                                            SyncStateStore state, VendorSyncMetrics metrics,
                                            VendorSyncProperties properties, Clock clock) {
        return new PurchaseOrderPoller(bc, orders, publisher, links, state, metrics, properties.watermarkOverlap(), clock);
    }

    @Bean
    TaskScheduler vendorSyncScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("vendor-sync-");
        scheduler.initialize();
        return scheduler;
    }

    @Bean
    VendorSyncJobs vendorSyncJobs(TenantRegistry tenants, VendorSync vendors, SubscriptionKeeper subscriptions,
                                  VendorPoller vendorPoller, PurchaseOrderPoller purchaseOrders,
                                  TaskScheduler vendorSyncScheduler, VendorSyncProperties properties) {
        return new VendorSyncJobs(tenants, vendors, subscriptions, vendorPoller, purchaseOrders, vendorSyncScheduler,
                properties);
    }

    @Bean
    RouterFunction<ServerResponse> vendorSyncReportRoutes(VendorSync vendors, TenantRegistry tenants) {
        return new ReportRoutes(vendors, tenants).routes();
    }

    @Bean
    RouterFunction<ServerResponse> vendorLinkRoutes(VendorSync vendors, TenantRegistry tenants) {
        return new VendorLinkRoutes(vendors, tenants).routes();
    }
}
