package io.mlconnector.local.snapshot;

import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantFile;
import io.mlconnector.tenant.TenantFileException;
import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bin/ml-connector snapshot --tenant FILE --out DIR}: "see if we fit, on a copy of your own books". Reads the
 * tenant's Procore company and BC company through the connector's own clients (GET requests only, besides the OAuth
 * token requests; Procore's rate-limit pacing and BC's concurrency limit and back-off as in the services) and saves
 * the answers in the sandboxes' data layout, {@code DIR/procore} and {@code DIR/bc}, so that
 * {@code bin/ml-connector local --once --tenant FILE --procore-data DIR/procore --bc-data DIR/bc --mapping FILE}
 * runs the whole connector against the copies. No secret is written: the local run gives the sandboxes the tenant's
 * own credentials from the tenant file.
 */
public final class SnapshotCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SnapshotCommand() {
    }

    /**
     * Runs a snapshot. Wrong arguments, an unreadable tenant file or a non-empty {@code --out} throw
     * {@link IllegalArgumentException} with one line before anything is read (exit 2); a failed read prints one line
     * on {@code err} and answers 1, leaving nothing in {@code --out}.
     */
    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        SnapshotOptions options = SnapshotOptions.parse(args);
        Tenant tenant = tenant(options.tenantFile(), env);
        SnapshotFolder folder = SnapshotFolder.prepare(options.out());
        Progress progress = new Progress(out, Clock.systemUTC());
        out.println("ml-connector snapshot: reading tenant " + tenant.id() + " (" + tenant.displayName() + ") from"
                + " Procore (" + tenant.procore().apiBase() + ") and Business Central (" + tenant.bc().apiBase()
                + "), GET requests only");
        ProcoreClient procore = new ProcoreClients(WebClient.builder(), Clock.systemUTC(),
                ProcoreClientOptions.defaults(), id -> progress::onProcoreCall).forTenant(tenant);
        BcClient bc = new BcClients(WebClient.builder(), Clock.systemUTC(),
                id -> BcClientOptions.defaults().withListener(progress::onBcCall)).forTenant(tenant);
        String side = "Procore";
        try {
            // both sign-ins and both companies first: a wrong credential fails in seconds, not after an hour of reading
            JsonNode procoreCompany = ProcoreCopy.company(procore, tenant);
            side = "Business Central";
            JsonNode bcCompany = BcCopy.company(bc, tenant);
            side = "Procore";
            ProcoreCopy.Result p = new ProcoreCopy(procore, tenant, folder, progress).copy(procoreCompany);
            side = "Business Central";
            BcCopy.Result b = new BcCopy(bc, tenant, folder, progress, options.payablesAccount()).copy(bcCompany);
            folder.write(folder.procore().getParent().resolve("snapshot.json"), manifest(tenant, p, b, progress));
            folder.commit();
            done(out, options, tenant, folder, progress, b);
            return 0;
        } catch (RuntimeException e) {
            folder.discard();
            err.println("ml-connector snapshot: " + ApiFailures.explain(e, side, tenant)
                    + "; nothing was written to " + options.out());
            return 1;
        }
    }

    private static void done(PrintStream out, SnapshotOptions options, Tenant tenant, SnapshotFolder folder,
                             Progress progress, BcCopy.Result bc) {
        out.printf("ml-connector snapshot: done in %.1f s: %d Procore calls, %d Business Central calls (GET only)%s;"
                        + " %d files in %s%n", progress.elapsed().toMillis() / 1000.0, progress.procoreCalls(),
                progress.bcCalls(), progress.slowedDown() == 0 ? ""
                        : ", asked to slow down " + progress.slowedDown() + " times and waited", folder.filesWritten(),
                options.out());
        bc.notes().forEach(n -> out.println("  note: " + n));
        out.println("next, with your mapping rules (nothing reaches the real systems):");
        out.println("  bin/ml-connector local --once --tenant " + options.tenantFile() + " --procore-data "
                + options.out().resolve("procore") + " --bc-data " + options.out().resolve("bc") + " --mapping MAPPING.csv");
    }

    /** What was copied, when, from where: {@code DIR/snapshot.json} (no secrets). */
    private static ObjectNode manifest(Tenant tenant, ProcoreCopy.Result procore, BcCopy.Result bc, Progress progress) {
        ObjectNode m = JSON.createObjectNode();
        m.put("takenAt", Instant.now().toString());
        m.put("tenant", tenant.id());
        ObjectNode p = m.putObject("procore");
        p.put("apiBase", tenant.procore().apiBase().toString());
        p.put("companyId", tenant.procore().companyId());
        p.put("companyName", procore.companyName());
        p.put("calls", progress.procoreCalls());
        p.set("records", JSON.valueToTree(procore.records()));
        ObjectNode b = m.putObject("businessCentral");
        b.put("apiBase", tenant.bc().apiBase().toString());
        b.put("aadTenantId", tenant.bc().aadTenantId());
        b.put("environment", tenant.bc().environment());
        b.put("companyId", tenant.bc().companyId().toString());
        b.put("companyName", bc.companyName());
        b.put("calls", progress.bcCalls());
        b.set("records", JSON.valueToTree(bc.records()));
        b.set("notes", JSON.valueToTree(bc.notes()));
        return m;
    }

    /** The one tenant of the file, plain-text or encrypted secrets (keys from MLC_ENCRYPTION_KEYS), as the local run reads it. */
    private static Tenant tenant(Path file, Map<String, String> env) {
        if (!Files.isRegularFile(file)) {
            throw SnapshotOptions.refused("--tenant " + file + ": no such file; expected a tenants file"
                    + " {\"tenants\":[{...}]} (see libs/tenant/README.md and demo-data/tenants/)");
        }
        String keys = env.get(KeyRing.ENV_VAR);
        List<Tenant> tenants;
        try {
            SecretCipher cipher = keys == null || keys.isBlank() ? null : new SecretCipher(KeyRing.parse(keys));
            tenants = TenantFile.allowingPlaintextSecrets(cipher).read(file);
        } catch (TenantFileException | IllegalArgumentException e) {
            throw SnapshotOptions.refused("--tenant " + file + ": " + e.getMessage());
        }
        if (tenants.size() != 1) {
            throw SnapshotOptions.refused("--tenant " + file + " holds " + tenants.size() + " tenants; a snapshot"
                    + " copies exactly one: give a file with that tenant alone");
        }
        return tenants.get(0);
    }
}
