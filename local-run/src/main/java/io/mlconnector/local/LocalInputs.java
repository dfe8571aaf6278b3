package io.mlconnector.local;

import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantFile;
import io.mlconnector.tenant.TenantFileException;
import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local run's inputs, checked before anything starts: every folder and file named on the command line exists
 * and holds what it should, the tenants file reads (plain-text secrets accepted, encrypted ones with
 * {@code MLC_ENCRYPTION_KEYS}) and names one tenant, and that tenant's Procore company and BC company are in the
 * sandbox data. Each refusal is one line naming the path and what is expected there.
 */
final class LocalInputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalInputs() {
    }

    /** The tenant to run, as its file gives it; throws {@link IllegalArgumentException} with one line otherwise. */
    static Tenant check(LocalOptions options, Map<String, String> env) {
        Tenant tenant = tenant(options.tenantFile(), env);
        procoreData(options.procoreData(), tenant);
        bcData(options.bcData(), tenant);
        if (!Files.isRegularFile(options.mappingFile()) || !Files.isReadable(options.mappingFile())) {
            throw refused("--mapping " + options.mappingFile() + ": no such file; expected the mapping rules CSV"
                    + " (project,cost_code,cost_type,gl_account,dimensions; see demo-data/mapping/README.md)");
        }
        if (options.stateDir() != null) {
            Path state = options.stateDir();
            if (Files.exists(state) && !Files.isDirectory(state)) {
                throw refused("--state-dir " + state + " is a file; expected a folder (it is created when missing)");
            }
            Path parent = state.getParent();
            if (!Files.exists(state) && (parent == null || !Files.isDirectory(parent))) {
                throw refused("--state-dir " + state + ": its parent folder " + parent + " does not exist; create it"
                        + " or choose another place");
            }
        }
        if (options.summaryJson() != null) {
            Path parent = options.summaryJson().toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw refused("--summary-json " + options.summaryJson() + ": its folder " + parent + " does not exist");
            }
        }
        return tenant;
    }

    private static Tenant tenant(Path file, Map<String, String> env) {
        if (!Files.isRegularFile(file)) {
            throw refused("--tenant " + file + ": no such file; expected a tenants file {\"tenants\":[{...}]} (see"
                    + " libs/tenant/README.md and demo-data/tenants/)");
        }
        String keys = env.get(KeyRing.ENV_VAR);
        SecretCipher cipher = keys == null || keys.isBlank() ? null : new SecretCipher(KeyRing.parse(keys));
        List<Tenant> tenants;
        try {
            tenants = TenantFile.allowingPlaintextSecrets(cipher).read(file);
        } catch (TenantFileException | IllegalArgumentException e) {
            throw refused("--tenant " + file + ": " + e.getMessage());
        }
        if (tenants.size() != 1) {
            throw refused("--tenant " + file + " holds " + tenants.size() + " tenants; the local run runs exactly one:"
                    + " give a file with that tenant alone");
        }
        return tenants.get(0);
    }

    private static void procoreData(Path dir, Tenant tenant) {
        String expected = "expected the Procore sandbox data (companies.json, companies/<company id>/..., see"
                + " demo-data/procore/README.md)";
        if (!Files.isDirectory(dir)) {
            throw refused("--procore-data " + dir + ": no such folder; " + expected);
        }
        Path companies = dir.resolve("companies.json");
        if (!Files.isRegularFile(companies)) {
            throw refused("--procore-data " + dir + " has no companies.json; " + expected);
        }
        List<Long> ids = new ArrayList<>();
        array(companies, "--procore-data").forEach(c -> ids.add(c.path("id").asLong()));
        long companyId = tenant.procore().companyId();
        if (!ids.contains(companyId)) {
            throw refused("--procore-data " + dir + " has no company " + companyId + " (the tenant's procore.companyId)"
                    + " in companies.json; it has " + ids);
        }
        if (!Files.isDirectory(dir.resolve("companies").resolve(Long.toString(companyId)))) {
            throw refused("--procore-data " + dir + " has no folder companies/" + companyId + "/ with the company's"
                    + " projects and vendors; " + expected);
        }
    }

    private static void bcData(Path dir, Tenant tenant) {
        String expected = "expected the Business Central sandbox data (<tenant id>/<environment>/companies.json and"
                + " companies/<company id>/, see demo-data/bc/README.md)";
        if (!Files.isDirectory(dir)) {
            throw refused("--bc-data " + dir + ": no such folder; " + expected);
        }
        Path company = dir.resolve(tenant.bc().aadTenantId()).resolve(tenant.bc().environment())
                .resolve("companies").resolve(tenant.bc().companyId().toString());
        if (!Files.isDirectory(company)) {
            throw refused("--bc-data " + dir + " has no folder " + dir.relativize(company) + " for the tenant's"
                    + " bc.aadTenantId, bc.environment and bc.companyId; " + expected);
        }
    }

    private static List<JsonNode> array(Path file, String option) {
        try {
            JsonNode node = JSON.readTree(Files.readString(file));
            JsonNode items = node.isArray() ? node : node.path("value");
            List<JsonNode> out = new ArrayList<>();
            items.forEach(out::add);
            return out;
        } catch (IOException | JacksonException e) {
            throw refused(option + " " + file + " is not valid JSON; expected the API's list response");
        }
    }

    private static IllegalArgumentException refused(String line) {
        return new IllegalArgumentException("ml-connector local: " + line);
    }
}
