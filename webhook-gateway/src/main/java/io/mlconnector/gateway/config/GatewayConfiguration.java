package io.mlconnector.gateway.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.gateway.WebhookUrls;
import io.mlconnector.gateway.bc.BcWebhookHandler;
import io.mlconnector.gateway.dedupe.DedupePruner;
import io.mlconnector.gateway.dedupe.DeliveryDedupeStore;
import io.mlconnector.gateway.metrics.GatewayMetrics;
import io.mlconnector.gateway.procore.ProcoreWebhookHandler;
import io.mlconnector.gateway.procore.WebhookTokenCheck;
import io.mlconnector.gateway.publish.EventPublisher;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.events.BcSubscriptionState;
import io.mlconnector.gateway.subscription.KnownSubscriptions;
import io.mlconnector.gateway.subscription.SubscriptionStateReader;
import io.mlconnector.schemas.serde.AvroDeserializer;
import io.mlconnector.schemas.serde.AvroSerdeConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.ConsumerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import io.mlconnector.gateway.http.WebhookResponses;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Wires the gateway: one pipeline per sender, the dedupe store, the publisher and the routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    Clock gatewayClock() {
        return Clock.systemUTC();
    }

    @Bean
    GatewayMetrics gatewayMetrics(MeterRegistry registry) {
        return new GatewayMetrics(registry);
    }

    @Bean
    DeliveryDedupeStore deliveryDedupeStore(MongoDatabase database, GatewayProperties properties, Clock gatewayClock) {
        GatewayProperties.Dedupe dedupe = properties.dedupe();
        if (dedupe.claimTimeout().compareTo(properties.publishTimeout()) <= 0) {
            throw new IllegalStateException("mlc.gateway.dedupe.claim-timeout must exceed mlc.gateway.publish-timeout");
        }
        DeliveryDedupeStore store = new DeliveryDedupeStore(database, dedupe.collection(), dedupe.claimTimeout(),
                dedupe.retention(), gatewayClock);
        // in the background: start anyway; deliveries are answered 503 until the store is back, and health shows DOWN
        store.createIndexes().subscribe(null, e -> log.warn("Dedupe store not reachable at start-up: {}", e.toString()));
        return store;
    }

    @Bean
    DedupePruner dedupePruner(@Qualifier("deliveryDedupeStore") DeliveryDedupeStore store,
                              GatewayProperties properties) {
        return new DedupePruner(store, properties.dedupe().retention(), properties.dedupe().pruneInterval());
    }

    /** BC notification entries already published; the gateway owns this collection. */
    @Bean
    DeliveryDedupeStore bcNotificationDedupeStore(MongoDatabase database, GatewayProperties properties,
                                                  Clock gatewayClock) {
        DeliveryDedupeStore store = new DeliveryDedupeStore(database, properties.bc().dedupeCollection(),
                properties.dedupe().claimTimeout(), properties.bc().dedupeWindow(), gatewayClock);
        store.createIndexes().subscribe(null,
                e -> log.warn("BC notification dedupe store not reachable at start-up: {}", e.toString()));
        return store;
    }

    @Bean
    DedupePruner bcNotificationDedupePruner(@Qualifier("bcNotificationDedupeStore") DeliveryDedupeStore store,
                                            GatewayProperties properties) {
        return new DedupePruner(store, properties.bc().dedupeWindow(), properties.dedupe().pruneInterval());
    }

    @Bean
    KnownSubscriptions knownSubscriptions() {
        return new KnownSubscriptions();
    }

    /** Each instance reads the whole compacted topic: no group, nothing committed, from the beginning. */
    @Bean
    SubscriptionStateReader subscriptionStateReader(ConsumerFactory<?, ?> consumers, KnownSubscriptions view) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
        overrides.put(AvroSerdeConfig.VALUE_TYPE, BcSubscriptionState.class.getName());
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.GROUP_ID_CONFIG, null);
        @SuppressWarnings("unchecked")
        ConsumerFactory<String, BcSubscriptionState> typed = (ConsumerFactory<String, BcSubscriptionState>) consumers;
        Map<String, Object> config = new HashMap<>(typed.getConfigurationProperties());
        config.putAll(overrides);
        config.values().removeIf(java.util.Objects::isNull);
        return new SubscriptionStateReader(() -> new KafkaConsumer<String, BcSubscriptionState>(config), view);
    }

    @Bean
    HealthIndicator bcSubscriptionsHealthIndicator(KnownSubscriptions view) {
        // UNKNOWN (not DOWN) while loading: Procore deliveries are served meanwhile; BC ones get 503 and are retried
        return () -> (view.ready() ? Health.up() : Health.unknown().withDetail("loading", true))
                .withDetail("known", view.size()).build();
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, Object> kafka, GatewayProperties properties,
                                  GatewayMetrics metrics) {
        return new EventPublisher(kafka, properties.publishTimeout(), metrics);
    }

    @Bean
    WebhookTokenCheck webhookTokenCheck(TenantRegistry tenants, GatewayProperties properties) {
        return new WebhookTokenCheck(tenants, properties.procore().tokenHeader());
    }

    @Bean
    ProcoreWebhookHandler procoreWebhookHandler(WebhookTokenCheck tokenCheck,
                                                @Qualifier("deliveryDedupeStore") DeliveryDedupeStore store,
                                                EventPublisher publisher, GatewayMetrics metrics,
                                                GatewayProperties properties, Clock gatewayClock) {
        return new ProcoreWebhookHandler(tokenCheck, store, publisher, metrics,
                properties.procore().maxBodySize().toBytes(), gatewayClock);
    }

    @Bean
    BcWebhookHandler bcWebhookHandler(TenantRegistry tenants, KnownSubscriptions subscriptions,
                                      @Qualifier("bcNotificationDedupeStore") DeliveryDedupeStore dedupe,
                                      EventPublisher publisher, GatewayMetrics metrics,
                                      GatewayProperties properties, Clock gatewayClock) {
        GatewayProperties.Bc bc = properties.bc();
        return new BcWebhookHandler(tenants, subscriptions, dedupe, publisher, metrics, bc.maxBodySize().toBytes(),
                bc.maxValidationTokenLength(), bc.maxEntries(), gatewayClock);
    }

    @Bean
    RouterFunction<ServerResponse> webhookRoutes(ProcoreWebhookHandler procore, BcWebhookHandler bc) {
        String procorePath = WebhookUrls.PROCORE_PATH + "{tenantId}";
        String bcPath = WebhookUrls.BC_PATH + "{tenantId}";
        return RouterFunctions.route()
                .POST(procorePath, procore::handle)
                // BC's handshake method is reported as POST but unconfirmed (docs/api-facts.md): take GET too
                .POST(bcPath, bc::handle)
                .GET(bcPath, bc::handle)
                // any other method on a webhook URL: 405 + Allow, before any tenant lookup (nothing to enumerate)
                .route(RequestPredicates.path(procorePath),
                        request -> WebhookResponses.methodNotAllowed(HttpMethod.POST))
                .route(RequestPredicates.path(bcPath),
                        request -> WebhookResponses.methodNotAllowed(HttpMethod.GET, HttpMethod.POST))
                .build();
    }

    @Bean
    ReactiveHealthIndicator dedupeStoreHealthIndicator(@Qualifier("deliveryDedupeStore") DeliveryDedupeStore store) {
        return () -> store.ping()
                .then(Mono.fromSupplier(() -> Health.up().build()))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> printWebhookUrls(TenantRegistry tenants, GatewayProperties properties) {
        return event -> WebhookUrls.describe(properties.baseUrl(), tenants.all()).forEach(log::info);
    }
}
