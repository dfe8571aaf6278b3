package io.mlconnector.gateway.config;

import com.mongodb.client.MongoDatabase;
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
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
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
        try {
            store.createIndexes();
        } catch (RuntimeException e) {
            // start anyway: deliveries are answered 503 until the store is back, and health shows DOWN
            log.warn("Dedupe store not reachable at start-up: {}", e.toString());
        }
        return store;
    }

    @Bean
    DedupePruner dedupePruner(DeliveryDedupeStore store, GatewayProperties properties) {
        return new DedupePruner(store, properties.dedupe());
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
    ProcoreWebhookHandler procoreWebhookHandler(WebhookTokenCheck tokenCheck, DeliveryDedupeStore store,
                                                EventPublisher publisher, GatewayMetrics metrics,
                                                GatewayProperties properties, Clock gatewayClock) {
        return new ProcoreWebhookHandler(tokenCheck, store, publisher, metrics,
                properties.procore().maxBodySize().toBytes(), gatewayClock);
    }

    @Bean
    BcWebhookHandler bcWebhookHandler(TenantRegistry tenants, EventPublisher publisher, GatewayMetrics metrics,
                                      GatewayProperties properties, Clock gatewayClock) {
        return new BcWebhookHandler(tenants, publisher, metrics, properties.bc().maxBodySize().toBytes(),
                properties.bc().maxValidationTokenLength(), gatewayClock);
    }

    @Bean
    RouterFunction<ServerResponse> webhookRoutes(ProcoreWebhookHandler procore, BcWebhookHandler bc) {
        return RouterFunctions.route()
                .POST(WebhookUrls.PROCORE_PATH + "{tenantId}", procore::handle)
                // BC's handshake method is reported as POST but unconfirmed (bc-api.md §5.2): take GET too
                .POST(WebhookUrls.BC_PATH + "{tenantId}", bc::handle)
                .GET(WebhookUrls.BC_PATH + "{tenantId}", bc::handle)
                .build();
    }

    @Bean
    HealthIndicator dedupeStoreHealthIndicator(DeliveryDedupeStore store) {
        return () -> {
            try {
                store.ping();
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> printWebhookUrls(TenantRegistry tenants, GatewayProperties properties) {
        return event -> WebhookUrls.describe(properties.baseUrl(), tenants.all()).forEach(log::info);
    }
}
