package io.mlconnector.local;

import io.mlconnector.bc.BcApiException;
import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.bc.BcCompany;
import io.mlconnector.oauth.TokenRequestException;
import io.mlconnector.procore.ProcoreApiException;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.procore.model.ProcoreCompany;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.service.clients.BcClients;
import io.mlconnector.service.clients.ProcoreClients;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantFile;
import io.mlconnector.tenant.TenantFileException;
import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@code bin/ml-connector ping --tenant FILE [--allow-plaintext]}: for each tenant in the file, gets both
 * tokens, lists the BC companies and the Procore projects, checks the posting policy's accounts, journal batch and
 * dimension codes in the tenant's BC company ({@link PolicyCheck}), and says plainly what is wrong when something is.
 * Secrets are read encrypted with {@code MLC_ENCRYPTION_KEYS}; {@code --allow-plaintext} accepts a file that
 * has not been encrypted yet (for a first check before encrypting it).
 */
final class TenantPing {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What an Entra ID error code usually means (Microsoft Entra: reference-error-codes). */
    private static final Map<String, String> AADSTS_HINTS = Map.of(
            "7000215", "the client secret is wrong (often the secret's ID was copied instead of its value)",
            "7000222", "the client secret has expired: create a new one in the app registration",
            "700016", "the app is not found in that Entra tenant: check bc.clientId and bc.aadTenantId, and admin consent",
            "90002", "the Entra tenant does not exist: check bc.aadTenantId",
            "500011", "Business Central is not consented in that tenant: grant admin consent to API.ReadWrite.All",
            "7000112", "the app registration is disabled");

    private TenantPing() {
    }

    static int run(List<String> args, PrintStream out) {
        return run(args, out, System.getenv());
    }

    static int run(List<String> args, PrintStream out, Map<String, String> env) {
        Path file = null;
        boolean plaintext = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--tenant" -> file = Path.of(args.get(++i));
                case "--allow-plaintext" -> plaintext = true;
                default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "\n" + LocalOptions.USAGE);
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("ping needs --tenant FILE\n" + LocalOptions.USAGE);
        }
        String keys = env.get(KeyRing.ENV_VAR);
        SecretCipher cipher = keys == null || keys.isBlank() ? null : new SecretCipher(KeyRing.parse(keys));
        if (cipher == null && !plaintext) {
            out.println("FAIL  no encryption keys: set " + KeyRing.ENV_VAR + " to read " + file
                    + " (or pass --allow-plaintext for a file whose secrets are not encrypted yet)");
            return 1;
        }
        List<Tenant> tenants;
        try {
            tenants = (plaintext ? TenantFile.allowingPlaintextSecrets(cipher) : new TenantFile(cipher)).read(file);
        } catch (TenantFileException e) {
            // a missing file, bad JSON or a setting the policy needs: the message names the file, tenant and setting
            out.println("FAIL  " + e.getMessage());
            return 1;
        }
        boolean ok = true;
        for (Tenant tenant : tenants) {
            out.println("tenant " + tenant.id() + " (" + tenant.displayName() + ")");
            ok &= pingBc(tenant, out);
            ok &= pingProcore(tenant, out);
        }
        out.println(ok ? "all checks passed" : "some checks failed");
        return ok ? 0 : 1;
    }

    private static boolean pingBc(Tenant tenant, PrintStream out) {
        BcClient bc = new BcClients(WebClient.builder(), Clock.systemUTC(), id -> BcClientOptions.defaults()
                .withRetries(1, Duration.ofMillis(200), Duration.ofSeconds(2))).forTenant(tenant);
        try {
            List<BcCompany> companies = bc.companies().collectList().block(TIMEOUT);
            out.println("  ok    Business Central token for " + tenant.bc().aadTenantId() + ", environment "
                    + tenant.bc().environment() + ": " + companies.size() + " companies");
            var mine = companies.stream().filter(c -> c.id().equals(tenant.bc().companyId())).findFirst();
            if (mine.isEmpty()) {
                out.println("  FAIL  company " + tenant.bc().companyId() + " is not in that environment; it has: "
                        + companies.stream().map(c -> c.name() + " (" + c.id() + ")").toList());
                return false;
            }
            out.println("  ok    company '" + mine.get().name() + "' found");
            return new PolicyCheck(bc, tenant, mine.get().name(), out).passes();
        } catch (TokenRequestException e) {
            out.println("  FAIL  Business Central token: " + e.getMessage() + hint(e.getMessage()));
        } catch (BcApiException e) {
            out.println("  FAIL  Business Central API: HTTP " + e.status() + " " + e.code() + " " + e.bcMessage()
                    + (e.status() == 401 ? " - add the app in BC's 'Microsoft Entra Applications' page with permission sets" : ""));
        } catch (RuntimeException e) {
            out.println("  FAIL  Business Central unreachable at " + tenant.bc().apiBase() + ": " + rootMessage(e));
        }
        return false;
    }

    private static boolean pingProcore(Tenant tenant, PrintStream out) {
        ProcoreClient procore = new ProcoreClients(WebClient.builder(), Clock.systemUTC(),
                ProcoreClientOptions.defaults().withRetries(1, Duration.ofMillis(200), Duration.ofSeconds(2)),
                id -> call -> { }).forTenant(tenant);
        try {
            List<ProcoreCompany> companies = procore.companies().collectList().block(TIMEOUT);
            out.println("  ok    Procore token: the app is installed in " + companies.size() + " companies");
            if (companies.stream().noneMatch(c -> c.id() == tenant.procore().companyId())) {
                out.println("  FAIL  the app is not installed in Procore company " + tenant.procore().companyId());
                return false;
            }
            List<ProcoreProject> projects = procore.projects().collectList().block(TIMEOUT);
            long synced = projects.stream().filter(p -> tenant.procore().includesProject(p.id())).count();
            out.println("  ok    Procore company " + tenant.procore().companyId() + ": " + projects.size()
                    + " projects visible, " + synced + " to sync");
            return true;
        } catch (TokenRequestException e) {
            out.println("  FAIL  Procore token: " + e.getMessage() + " - check procore.clientId / clientSecret and"
                    + " that they belong to this environment (sandbox and production credentials differ)");
        } catch (ProcoreApiException e) {
            out.println("  FAIL  Procore API: " + e.getMessage()
                    + (e.forbidden() ? " - the company admin must install the app and permit its projects" : ""));
        } catch (RuntimeException e) {
            out.println("  FAIL  Procore unreachable at " + tenant.procore().apiBase() + ": " + rootMessage(e));
        }
        return false;
    }

    private static String hint(String message) {
        return AADSTS_HINTS.entrySet().stream().filter(h -> message != null && message.contains("AADSTS" + h.getKey()))
                .map(h -> " - " + h.getValue()).findFirst().orElse("");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
