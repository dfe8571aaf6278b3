package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingResult;
import io.mlconnector.local.ServiceLauncher.Service;
import io.mlconnector.sandbox.bc.SandboxCompany;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import io.mlconnector.tenant.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of every service (two of each Spring context) against one broker and one store, with the tenant's
 * reconciliation every 15 s, vendor-sync's polls every 10 s, subscription checks every 20 s and a short schedule
 * lease (6 s, renewed every 2 s) that a loaded machine renews late. Guards: every replica running every tick (Procore
 * read twice per tick, purchase orders polled twice, a second BC subscription for an entity set), and work lost or
 * doubled between replicas (an invoice posted twice, one reported posted but missing in BC, a failed posting).
 */
class TwoReplicasRunEachTickOnceIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final Duration CRON = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofSeconds(10);

    @Test
    void eachTickRunsOnOneReplicaAndEveryDocumentPostsOnce(@TempDir Path temp) throws Exception {
        LocalOptions options = LocalOptions.parse(List.of("--state-dir", temp.resolve("state").toString()), HOME);
        Tenant configured = LocalInputs.check(options, System.getenv());
        Tenant fast = new Tenant(configured.id(), configured.displayName(), configured.bc(), configured.procore(),
                configured.webhookToken(), configured.bcClientState(), "*/15 * * * * *", configured.postingPolicy(),
                configured.vendorSync());
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try (LocalStack stack = LocalStack.start(options, fast, brokerClasspath(), false)) {
            int gatewayPort = io.mlconnector.local.infra.PortFile.freePort();
            Map<String, Object> common = new LinkedHashMap<>();
            common.put("spring.kafka.bootstrap-servers", stack.kafka.bootstrapServers());
            common.put("spring.kafka.properties.schema.registry.url", stack.registry.baseUri().toString());
            common.put("spring.kafka.producer.properties.schema.registry.url", stack.registry.baseUri().toString());
            common.put("spring.kafka.consumer.properties.schema.registry.url", stack.registry.baseUri().toString());
            common.put("mlc.mongodb.uri", stack.mongo.connectionString());
            common.put("mlc.mongodb.database", "ml-connector");
            common.put("mlc.mongodb.server-selection-timeout", "15s");
            common.put("mlc.mongodb.read-timeout", "15s");
            common.put("mlc.tenants.file", stack.tenantsFile.toString());
            common.put("mlc.encryption-keys", stack.encryptionKeys);
            common.put("server.port", 0);
            common.put("server.address", "127.0.0.1");
            common.put("spring.main.banner-mode", "off");
            common.put("spring.jmx.enabled", false);
            common.put("mlc.schedule-lease.duration", "6s");
            common.put("mlc.schedule-lease.renew-every", "2s");
            String gateway = "http://127.0.0.1:" + gatewayPort;
            Map<Service, Map<String, Object>> first = perService(stack, options, gateway, Map.of("server.port", gatewayPort,
                    "mlc.gateway.base-url", gateway));
            Map<Service, Map<String, Object>> second = perService(stack, options, gateway, Map.of("mlc.gateway.base-url", gateway));

            Instant started = Instant.now();
            try (ServiceLauncher a = ServiceLauncher.start(common, first);
                 ServiceLauncher b = ServiceLauncher.start(common, second)) {
                Instant bothUp = Instant.now();
                System.out.println("two replicas of each service up in " + Duration.between(started, bothUp).toMillis()
                        + " ms");
                Thread.sleep(120_000); // a busy 2-core machine: the first full sync alone can take a minute
                Instant end = Instant.now();

                // procore-ingest: one reconciliation (one project listing) per cron tick across both replicas
                Map<Instant, Long> syncsPerTick = perTick(stack.procore.requests().stream()
                        .filter(r -> r.at().isAfter(started) && r.at().isBefore(end) && r.method().equals("GET")
                                && r.path().equals("/rest/v1.1/projects"))
                        .map(r -> r.at()).toList(), CRON);
                System.out.println("Procore project listings per 15 s tick: " + syncsPerTick);
                assertThat(syncsPerTick.size()).as("ticks that ran").isGreaterThanOrEqualTo(2);
                assertThat(syncsPerTick.values()).as("reconciliations per tick").containsOnly(1L);

                // vendor-sync: one purchase-order poll per 10 s tick, one BC subscription for the tenant
                Map<Instant, Long> pollsPerTick = perTick(stack.bc.requestLog().stream()
                        .filter(r -> r.time().isAfter(started) && r.time().isBefore(end) && r.method().equals("GET")
                                && r.pathAndQuery().contains("/purchaseOrders"))
                        .map(r -> r.time()).toList(), POLL);
                System.out.println("BC purchase-order polls per 10 s tick: " + pollsPerTick);
                assertThat(pollsPerTick.size()).as("poll ticks that ran").isGreaterThanOrEqualTo(4);
                assertThat(pollsPerTick.values()).as("purchase-order polls per tick").containsOnly(1L);
                // one BC subscription per entity set (vendors, accounts, dimensions), not one per replica
                String company = "api/v2.0/companies(" + configured.bc().companyId() + ")/";
                assertThat(stack.bc.subscriptions().stream().map(sub -> sub.path("resource").asString()).toList())
                        .as("subscriptions kept by two replicas")
                        .containsExactlyInAnyOrder(company + "vendors", company + "accounts", company + "dimensions");

                // nothing doubled, nothing lost: one posted invoice per posting key, every postable document posted
                SandboxCompany bcCompany = stack.bc.company();
                var posted = bcCompany.purchaseInvoices().stream()
                        .filter(i -> !"Draft".equals(i.path("status").asString())).toList();
                Set<String> keys = posted.stream().map(i -> BcInvoices.postingKey(bcCompany, i))
                        .collect(Collectors.toSet());
                assertThat(keys).as("posting keys").hasSize(posted.size());
                assertThat(posted.size()).as("invoices posted, as by one replica").isGreaterThanOrEqualTo(10);
                assertThat(bcCompany.draftPurchaseInvoiceCount()).as("no draft left behind").isZero();
                // nothing lost between replicas: every invoice the posters reported posted is in BC, none failed
                List<PostingResult> results = new OutcomeReader(stack.kafka.bootstrapServers(),
                        new SchemaRegistryRestClient(stack.registry.baseUri())).postingResultsSince(started);
                assertThat(results).as("posting results").filteredOn(r -> r.getOutcome() == PostingOutcome.FAILED)
                        .isEmpty();
                Set<String> reportedPosted = results.stream()
                        .filter(r -> r.getDocumentKind() == BcDocumentKind.PURCHASE_INVOICE)
                        .filter(r -> r.getOutcome() == PostingOutcome.POSTED
                                || r.getOutcome() == PostingOutcome.ALREADY_POSTED)
                        .map(r -> r.getPostingKey().toUpperCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
                assertThat(reportedPosted).as("invoices reported posted").hasSizeGreaterThanOrEqualTo(10);
                assertThat(keys.stream().map(k -> k.toUpperCase(java.util.Locale.ROOT)).toList())
                        .as("posted invoices in BC").containsAll(reportedPosted);
            }
        }
    }

    private static Map<Service, Map<String, Object>> perService(LocalStack stack, LocalOptions options, String gateway,
                                                                Map<String, Object> gatewayProps) {
        return Map.of(
                Service.WEBHOOK_GATEWAY, gatewayProps,
                Service.PROCORE_INGEST, Map.of("mlc.ingest.schedule-enabled", true,
                        "mlc.ingest.webhook-base-url", gateway),
                Service.MAPPING_SERVICE, Map.of("mlc.mapping.seed." + stack.tenant.id(),
                        options.mappingFile().toString()),
                Service.VENDOR_SYNC, Map.of("mlc.vendor-sync.schedule-enabled", true,
                        "mlc.vendor-sync.poll-interval", "10s",
                        "mlc.vendor-sync.subscription-check-interval", "20s",
                        "mlc.vendor-sync.notification-base-url", gateway));
    }

    private static Map<Instant, Long> perTick(List<Instant> times, Duration tick) {
        return times.stream().collect(Collectors.groupingBy(
                (Function<Instant, Instant>) t -> io.mlconnector.service.lease.Ticks.current(tick, t), TreeMap::new,
                Collectors.counting()));
    }

    private static String brokerClasspath() throws Exception {
        String file = System.getProperty("mlc.classpath-file");
        if (file != null && Files.exists(Path.of(file))) {
            return Files.readString(Path.of(file)).trim();
        }
        return System.getProperty("java.class.path");
    }
}
