package io.mlconnector.local;

import io.mlconnector.local.infra.ConnectorTopicsReady;
import io.mlconnector.local.infra.EmbeddedMongo;
import io.mlconnector.local.infra.KafkaBroker;
import io.mlconnector.local.infra.PortRecord;
import io.mlconnector.localregistry.InProcessSchemaRegistry;
import io.mlconnector.localregistry.SchemaRegistryHttpServer;
import io.mlconnector.oauth.Secret;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.SandboxClient;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import io.mlconnector.tenant.BcSettings;
import io.mlconnector.tenant.ProcoreSettings;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantFile;
import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the services need on one machine: a real Kafka broker (KRaft), a MongoDB-wire store, a schema
 * registry speaking the Schema Registry REST API, both API sandboxes seeded from their data folders, and a
 * tenants file (secrets encrypted with a key kept in the state folder) that points the tenant at them: the demo
 * tenant, or the one {@code --tenant FILE} names, with its own Procore company, BC tenant, environment and
 * company, client ids and posting policy. The sandboxes are told the tenant's client credentials, so the
 * tenant's own ids and secrets sign in to the copy of its data.
 */
final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    // The demo tenant's identities (demo-data/tenants/harbor-ridge.json), for tests; sandbox credentials, not real ones.
    /** Partitions of each topic: the services' default {@code mlc.kafka.partitions}, which the local run keeps. */
    static final int LOCAL_PARTITIONS = 3;

    static final String TENANT_ID = "harbor-ridge";
    static final long PROCORE_COMPANY = 5001234L;
    static final String PROCORE_CLIENT_ID = "harbor-ridge-procore";
    static final String PROCORE_CLIENT_SECRET = "procore-sandbox-secret";
    static final String BC_TENANT = "7c1d2e3f-0000-4000-8000-00000000b001";
    static final String BC_ENVIRONMENT = "Production";
    static final UUID BC_COMPANY = UUID.fromString("5a1e0000-0000-4000-8000-0000000c0001");
    static final String BC_CLIENT_ID = "harbor-ridge-bc-app";
    static final String BC_CLIENT_SECRET = "bc-sandbox-secret";

    /** The names of the listeners whose loopback ports {@link PortRecord} keeps in the state folder. */
    static final String PROCORE_SANDBOX_PORT = "procore-sandbox";
    static final String BC_SANDBOX_PORT = "bc-sandbox";
    static final String SCHEMA_REGISTRY_PORT = "schema-registry";
    static final String STORE_PORT = "mongodb";
    static final String REPLAY_CONTROL_PORT = "replay-control";

    final Path stateDir;
    /** Every loopback port of this run but the broker's (its own folder keeps those, see {@link KafkaBroker}). */
    final PortRecord ports;
    final KafkaBroker kafka;
    final EmbeddedMongo mongo;
    final SchemaRegistryHttpServer registry;
    final ProcoreSandbox procore;
    final BcSandbox bc;
    final Path tenantsFile;
    final String encryptionKeys;
    final Secret webhookToken;
    /** The tenant as the services see it (pointed at the sandboxes). */
    final Tenant tenant;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private LocalStack(Path stateDir, PortRecord ports, KafkaBroker kafka, EmbeddedMongo mongo, SchemaRegistryHttpServer registry,
                       ProcoreSandbox procore, BcSandbox bc, Path tenantsFile, String encryptionKeys, Secret webhookToken,
                       Tenant tenant) {
        this.stateDir = stateDir;
        this.ports = ports;
        this.kafka = kafka;
        this.mongo = mongo;
        this.registry = registry;
        this.procore = procore;
        this.bc = bc;
        this.tenantsFile = tenantsFile;
        this.encryptionKeys = encryptionKeys;
        this.webhookToken = webhookToken;
        this.tenant = tenant;
    }

    static LocalStack start(LocalOptions options, String classpath, boolean keepState) throws Exception {
        return start(options, LocalInputs.check(options, System.getenv()), classpath, keepState);
    }

    /** @param configured the tenant as its tenants file gives it (checked by {@link LocalInputs}) */
    static LocalStack start(LocalOptions options, Tenant configured, String classpath, boolean keepState)
            throws Exception {
        Path state = options.stateDir() != null ? options.stateDir() : Files.createTempDirectory("ml-connector-");
        Files.createDirectories(state);
        // before anything starts: a recorded port another program holds is refused in one line
        PortRecord ports = PortRecord.load(state.resolve(PortRecord.FILE), portNames());
        List<AutoCloseable> started = new ArrayList<>();
        try {
            KafkaBroker kafka = KafkaBroker.start(state.resolve("kafka"), classpath);
            started.add(kafka);
            ConnectorTopicsReady.ensure(kafka.bootstrapServers(), LOCAL_PARTITIONS, Duration.ofSeconds(60));
            EmbeddedMongo mongo = EmbeddedMongo.start(keepState ? state.resolve("mongo") : null,
                    ports.port(STORE_PORT));
            started.add(mongo);
            SchemaRegistryHttpServer registry = SchemaRegistryHttpServer.start(
                    InProcessSchemaRegistry.persistedTo(state.resolve("schema-registry.jsonl")), "127.0.0.1",
                    ports.port(SCHEMA_REGISTRY_PORT));
            started.add(registry);
            ProcoreSandbox procore = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(options.procoreData())
                    .withPort(ports.port(PROCORE_SANDBOX_PORT)));
            started.add(procore);
            if (keepState) {
                // like BC below: what the last run wrote into "Procore" (vendor-sync's vendors) is still there
                Path procoreState = state.resolve("procore-sandbox-state.json");
                procore.data().keepStateIn(procoreState); // saved after every write, and at close
                started.add(() -> procore.data().saveState(procoreState));
            }
            BcSandbox bc = BcSandbox.start(BcSandboxOptions.builder().port(ports.port(BC_SANDBOX_PORT))
                    .dataDir(options.bcData())
                    .statePath(keepState ? state.resolve("bc-sandbox-state.json") : null).build());
            started.add(bc);
            String keys = encryptionKeys(state.resolve("encryption-keys"));
            Secret webhookToken = persistentSecret(state.resolve("procore-webhook-token"));
            Secret clientState = persistentSecret(state.resolve("bc-client-state"));
            Path tenants = state.resolve("tenants.json");
            seedCredentials(configured, procore, bc);
            Tenant tenant = pointedAtSandboxes(configured, procore, bc, webhookToken, clientState);
            new TenantFile(new SecretCipher(KeyRing.parse(keys))).write(tenants, List.of(tenant));
            LocalStack stack = new LocalStack(state, ports, kafka, mongo, registry, procore, bc, tenants, keys, webhookToken,
                    tenant);
            stack.closeables.addAll(started);
            if (options.stateDir() == null) {
                stack.closeables.add(0, () -> deleteTree(state));
            }
            return stack;
        } catch (Exception e) {
            Collections.reverse(started);
            for (AutoCloseable c : started) {
                c.close();
            }
            throw e;
        }
    }

    /** Every listener of the run with a port kept between runs: the stack's, the replay control's, each service's. */
    static List<String> portNames() {
        List<String> names = new ArrayList<>(List.of(PROCORE_SANDBOX_PORT, BC_SANDBOX_PORT, SCHEMA_REGISTRY_PORT,
                STORE_PORT, REPLAY_CONTROL_PORT));
        for (ServiceLauncher.Service service : ServiceLauncher.Service.values()) {
            names.add(service.name);
        }
        return names;
    }

    /** The tenant's own client ids and secrets sign in to the sandboxes, installed in its company only. */
    private static void seedCredentials(Tenant tenant, ProcoreSandbox procore, BcSandbox bc) {
        ProcoreSettings p = tenant.procore();
        Set<Long> companies = new HashSet<>(Set.of(p.companyId()));
        procore.data().client(p.clientId()).ifPresent(existing -> companies.addAll(existing.companyIds()));
        procore.data().addClient(new SandboxClient(p.clientId(), p.clientSecret().reveal(), companies));
        bc.registerApp(tenant.bc().aadTenantId(), tenant.bc().clientId(), tenant.bc().clientSecret().reveal());
    }

    /**
     * The tenant with its API and login hosts replaced by the sandboxes'. The webhook token and BC clientState
     * are the local run's own (kept in the state folder), so the printed token path is where to find them.
     */
    private static Tenant pointedAtSandboxes(Tenant tenant, ProcoreSandbox procore, BcSandbox bc, Secret webhookToken,
                                             Secret clientState) {
        BcSettings b = tenant.bc();
        ProcoreSettings p = tenant.procore();
        return new Tenant(tenant.id(), tenant.displayName() + " (sandbox)",
                new BcSettings(b.aadTenantId(), b.environment(), b.companyId(), b.clientId(), b.clientSecret(),
                        URI.create(bc.apiBaseUrl()), URI.create(bc.loginBaseUrl())),
                new ProcoreSettings(p.companyId(), p.clientId(), p.clientSecret(), p.projectIds(),
                        URI.create(procore.baseUrl()), URI.create(procore.baseUrl())),
                webhookToken, clientState, tenant.syncSchedule(), tenant.postingPolicy());
    }

    /** The key ring for the tenants file: made once per state folder and kept there (owner-only). */
    private static String encryptionKeys(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String keys = KeyRing.generateEntry("local1");
        writeOwnerOnly(file, keys);
        return keys;
    }

    private static Secret persistentSecret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Secret.of(Files.readString(file).trim());
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writeOwnerOnly(file, value);
        return Secret.of(value);
    }

    private static void writeOwnerOnly(Path file, String value) throws IOException {
        Files.writeString(file, value + "\n");
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the folder's own permissions apply
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> reversed = new ArrayList<>(closeables);
        Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
