package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.PostingOutcome;
import io.mlconnector.events.PostingResult;
import io.mlconnector.local.ServiceLauncher.Service;
import io.mlconnector.sandbox.bc.SandboxCompany;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import io.mlconnector.service.lease.Ticks;
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
 * Two replicas of every service (two of each Spring context: procore-ingest, mapping-service, vendor-sync, bc-poster,
 * webhook-gateway) against one broker and one store, with the tenant's reconciliation cron every 15 s (procore-ingest
 * and vendor-sync's vendor reconciliation), vendor-sync's polls every 10 s, subscription checks every 20 s that renew
 * every subscription (renew-before above BC's 3 days), and a short schedule lease (6 s, renewed every 2 s) that a
 * loaded machine renews late. After a warm-up (both replicas' start-up passes), each tick is counted by the requests
 * that only that job makes. Guards: every replica running every tick (Procore read twice per tick, vendors reconciled
 * twice, purchase orders polled twice, subscriptions renewed twice, a second BC subscription for an entity set), a
 * consumer group that does not share its partitions, and work lost or doubled between replicas (an invoice posted
 * twice, one reported posted but missing in BC, a failed posting).
 */
class TwoReplicasRunEachTickOnceIT {

    private static final Path HOME = Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    private static final Duration CRON = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofSeconds(10);
    private static final Duration CHECK = Duration.ofSeconds(20);
    /** both replicas' start-up passes (their own ticks) are over by then, on a busy 2-core machine too */
    private static final Duration WARM_UP = Duration.ofSeconds(45);
    private static final Duration MEASURED = Duration.ofSeconds(120);

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
                // the first full sync alone can take a minute on a busy 2-core machine
                Thread.sleep(WARM_UP.plus(MEASURED).toMillis());
                Instant from = Ticks.current(CHECK, bothUp.plus(WARM_UP)).plus(CHECK); // a tick of every grid
                Instant end = Instant.now();
                System.out.printf("measured from %s to %s (%d s)%n", from, end,
                        Duration.between(from, end).toSeconds());

                // procore-ingest: one reconciliation (one project listing) per cron tick across both replicas
                Map<Instant, Long> syncsPerTick = perTick(stack.procore.requests().stream()
                        .filter(r -> r.method().equals("GET") && r.path().equals("/rest/v1.1/projects"))
                        .map(r -> r.at()).toList(), CRON, from, end);
                System.out.println("procore-ingest reconciliations (Procore project listings) per 15 s tick: "
                        + syncsPerTick);
                assertThat(syncsPerTick.size()).as("ingest reconciliation ticks that ran").isGreaterThanOrEqualTo(4);
                assertThat(syncsPerTick.values()).as("ingest reconciliations per tick").containsOnly(1L);

                // vendor-sync: one vendor reconciliation per cron tick (the only reader of Procore's inactive vendors)
                Map<Instant, Long> vendorRunsPerTick = perTick(stack.procore.requests().stream()
                        .filter(r -> r.method().equals("GET") && r.path().endsWith("/vendors/inactive"))
                        .map(r -> r.at()).toList(), CRON, from, end);
                System.out.println("vendor-sync vendor reconciliations (Procore inactive-vendor listings) per 15 s"
                        + " tick: "
                        + vendorRunsPerTick);
                assertThat(vendorRunsPerTick.size()).as("vendor reconciliation ticks that ran")
                        .isGreaterThanOrEqualTo(4);
                assertThat(vendorRunsPerTick.values()).as("vendor reconciliations per tick").containsOnly(1L);

                // vendor-sync: one purchase-order poll per 10 s tick
                Map<Instant, Long> pollsPerTick = perTick(stack.bc.requestLog().stream()
                        .filter(r -> r.method().equals("GET") && r.pathAndQuery().contains("/purchaseOrders"))
                        .map(r -> r.time()).toList(), POLL, from, end);
                System.out.println("vendor-sync purchase-order polls (BC purchaseOrders reads) per 10 s tick: "
                        + pollsPerTick);
                assertThat(pollsPerTick.size()).as("poll ticks that ran").isGreaterThanOrEqualTo(6);
                assertThat(pollsPerTick.values()).as("purchase-order polls per tick").containsOnly(1L);

                // vendor-sync: one subscription check per 20 s tick (one listing), renewing each entity set once
                Map<Instant, Long> checksPerTick = perTick(stack.bc.requestLog().stream()
                        .filter(r -> r.method().equals("GET")
                                && r.pathAndQuery().matches(".*/subscriptions/?(\\?.*)?"))
                        .map(r -> r.time()).toList(), CHECK, from, end);
                Map<Instant, Long> renewalsPerTick = perTick(stack.bc.requestLog().stream()
                        .filter(r -> r.method().equals("PATCH") && r.pathAndQuery().contains("/subscriptions("))
                        .map(r -> r.time()).toList(), CHECK, from, end);
                System.out.println("vendor-sync subscription checks (BC subscription listings) per 20 s tick: "
                        + checksPerTick);
                System.out.println("vendor-sync subscription renewals (BC PATCH) per 20 s tick: " + renewalsPerTick);
                assertThat(checksPerTick.size()).as("subscription check ticks that ran").isGreaterThanOrEqualTo(3);
                assertThat(checksPerTick.values()).as("subscription checks per tick").containsOnly(1L);
                assertThat(renewalsPerTick).as("renewal ticks").containsOnlyKeys(checksPerTick.keySet());
                assertThat(renewalsPerTick.values()).as("renewals per tick: one per entity set").containsOnly(3L);
                // one BC subscription per entity set (vendors, accounts, dimensions), not one per replica
                String company = "api/v2.0/companies(" + configured.bc().companyId() + ")/";
                assertThat(stack.bc.subscriptions().stream().map(sub -> sub.path("resource").asString()).toList())
                        .as("subscriptions kept by two replicas")
                        .containsExactlyInAnyOrder(company + "vendors", company + "accounts", company + "dimensions");

                // Kafka: each service's group shared by its two replicas; each mapping replica has its own cache group
                Map<String, Integer> members = ConsumerGroups.members(stack.kafka.bootstrapServers());
                System.out.println("consumer group members: " + members);
                assertThat(members).as("groups shared by both replicas").containsEntry("procore-ingest", 2)
                        .containsEntry("mapping-service", 2).containsEntry("vendor-sync", 2)
                        .containsEntry("bc-poster", 2);
                assertThat(members.entrySet().stream()
                        .filter(g -> g.getKey().startsWith("mapping-service-reference-data-cache-"))
                        .map(Map.Entry::getValue).toList())
                        .as("mapping's reference-data cache: a group of its own per replica").containsExactly(1, 1);

                // nothing doubled, nothing lost: one posted invoice per posting key, every postable document posted
                SandboxCompany bcCompany = stack.bc.company();
                var posted = bcCompany.purchaseInvoices().stream()
                        .filter(i -> !"Draft".equals(i.path("status").asString())).toList();
                Set<String> keys = posted.stream().map(i -> BcInvoices.postingKey(bcCompany, i))
                        .collect(Collectors.toSet());
                System.out.printf("BC invoices posted: %d, distinct posting keys: %d, drafts left: %d%n", posted.size(),
                        keys.size(), bcCompany.draftPurchaseInvoiceCount());
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
                System.out.printf("posting results: %d (failed %d), invoices reported posted: %d%n", results.size(),
                        results.stream().filter(r -> r.getOutcome() == PostingOutcome.FAILED).count(),
                        reportedPosted.size());
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
                        // above BC's 3 days: every check renews every subscription, so renewals are counted too
                        "mlc.vendor-sync.renew-before", "4d",
                        "mlc.vendor-sync.notification-base-url", gateway));
    }

    /** Requests made between {@code from} and {@code end}, counted per tick (the tick the request's time falls in). */
    private static Map<Instant, Long> perTick(List<Instant> times, Duration tick, Instant from, Instant end) {
        return times.stream().filter(t -> !t.isBefore(from) && t.isBefore(end)).collect(Collectors.groupingBy(
                (Function<Instant, Instant>) t -> Ticks.current(tick, t), TreeMap::new, Collectors.counting()));
    }

    /** Members of every consumer group of the broker, by group id. */
    private static final class ConsumerGroups {
        static Map<String, Integer> members(String bootstrap) throws Exception {
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                List<String> groups = admin.listGroups().all().get().stream()
                        .map(org.apache.kafka.clients.admin.GroupListing::groupId).toList();
                Map<String, Integer> members = new TreeMap<>();
                admin.describeConsumerGroups(groups).all().get()
                        .forEach((group, description) -> members.put(group, description.members().size()));
                return members;
            }
        }
    }

    private static String brokerClasspath() throws Exception {
        String file = System.getProperty("mlc.classpath-file");
        if (file != null && Files.exists(Path.of(file))) {
            return Files.readString(Path.of(file)).trim();
        }
        return System.getProperty("java.class.path");
    }
}
