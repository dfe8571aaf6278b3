package io.mlconnector.tenant;

import io.mlconnector.oauth.Secret;
import io.mlconnector.tenant.crypto.SecretCipher;
import io.mlconnector.tenant.crypto.SecretDecryptionException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the tenants file, {@code {"tenants":[{...}]}}, where every secret field holds an
 * {@code enc:v1:...} value (see {@link SecretCipher}). The secret fields are listed once, in
 * {@link #SECRET_FIELDS}; everything else is plain configuration.
 *
 * <p>A plain-text secret is refused unless the file was opened with
 * {@link #allowingPlaintextSecrets(SecretCipher)} (the local sandbox run only), which logs a warning naming
 * the field, never the value.
 */
public final class TenantFile {

    private static final Logger log = LoggerFactory.getLogger(TenantFile.class);

    /** Secret fields of a tenant entry as (parent object or null for top level, field). */
    public static final List<List<String>> SECRET_FIELDS = List.of(
            List.of("bc", "clientSecret"),
            List.of("procore", "clientSecret"),
            List.of("webhookToken"),
            List.of("bcClientState"));

    private static final Set<String> TENANT_FIELDS = Set.of("id", "displayName", "bc", "procore", "webhookToken",
            "bcClientState", "syncSchedule", "postingPolicy", "vendorSync");
    private static final Set<String> BC_FIELDS = Set.of("aadTenantId", "environment", "companyId", "clientId",
            "clientSecret", "apiBase", "loginBase");
    private static final Set<String> POLICY_FIELDS = Set.of("documents", "approvedStatuses", "journalBatch",
            "dimensionCodes",
            "retainagePayableAccount", "expenseClearingAccount", "accruedPayrollAccount", "commitmentAccount",
            "commitmentContraAccount", "contractValueAccount", "contractValueContraAccount");
    private static final Set<String> DIMENSION_FIELDS = Set.of("project", "costCode", "costType");
    private static final Set<String> PROCORE_FIELDS = Set.of("companyId", "clientId", "clientSecret", "projectIds",
            "apiBase", "loginBase");

    private final JsonMapper json = JsonMapper.builder().build();
    private final SecretCipher cipher;
    private final boolean allowPlaintextSecrets;

    /** Strict: every secret must be encrypted. */
    public TenantFile(SecretCipher cipher) {
        this(java.util.Objects.requireNonNull(cipher, "cipher"), false);
    }

    private TenantFile(SecretCipher cipher, boolean allowPlaintextSecrets) {
        this.cipher = cipher;
        this.allowPlaintextSecrets = allowPlaintextSecrets;
    }

    /**
     * For the local sandbox run only: plain-text secrets are accepted with a warning. {@code cipher} may be
     * null when no keys are configured; encrypted values then cannot be read and files cannot be written.
     */
    public static TenantFile allowingPlaintextSecrets(SecretCipher cipher) {
        return new TenantFile(cipher, true);
    }

    public List<Tenant> read(Path file) {
        JsonNode root = readTree(file);
        JsonNode entries = root.path("tenants");
        if (!entries.isArray()) {
            throw new TenantFileException("tenants file " + file + " must be an object with a \"tenants\" array");
        }
        List<Tenant> tenants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode entry : entries) {
            index++;
            String label = "tenants file " + file + ", tenant #" + index
                    + (entry.path("id").isString() ? " ('" + entry.path("id").asString() + "')" : "");
            try {
                Tenant tenant = toTenant(entry, label);
                if (!ids.add(tenant.id())) {
                    throw new TenantValidationException("tenant id '" + tenant.id() + "' appears more than once");
                }
                tenants.add(tenant);
            } catch (TenantValidationException | SecretDecryptionException e) {
                throw new TenantFileException(label + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(tenants);
    }

    /** Writes the tenants with every secret encrypted under the current key (atomically replacing the file). */
    public void write(Path file, List<Tenant> tenants) {
        requireCipher("write a tenants file");
        ObjectNode root = json.createObjectNode();
        ArrayNode entries = root.putArray("tenants");
        for (Tenant tenant : tenants) {
            entries.add(toJson(tenant));
        }
        writeTree(file, root);
    }

    /**
     * Encrypts every plain-text secret in {@code file} in place, keeping all other content as it is.
     *
     * @return how many values were encrypted
     */
    public int encryptPlaintextSecrets(Path file) {
        requireCipher("encrypt a tenants file");
        return rewriteSecrets(file, value -> SecretCipher.isEncrypted(value) ? value : cipher.encrypt(value));
    }

    /**
     * Re-encrypts every secret in {@code file} under the current key (after a new key was put first in the
     * ring); plain-text values are encrypted too.
     *
     * @return how many values were written
     */
    public int rotateSecrets(Path file) {
        requireCipher("rotate a tenants file");
        return rewriteSecrets(file, value -> SecretCipher.isEncrypted(value) ? cipher.rotate(value) : cipher.encrypt(value));
    }

    private int rewriteSecrets(Path file, UnaryOperator<String> change) {
        JsonNode root = readTree(file);
        int changed = 0;
        for (JsonNode entry : root.path("tenants")) {
            for (List<String> path : SECRET_FIELDS) {
                JsonNode parent = path.size() == 1 ? entry : entry.path(path.get(0));
                String field = path.get(path.size() - 1);
                if (parent instanceof ObjectNode object && object.path(field).isString()) {
                    String before = object.path(field).asString();
                    String after = change.apply(before);
                    if (!after.equals(before)) {
                        object.put(field, after);
                        changed++;
                    }
                }
            }
        }
        if (changed > 0) {
            writeTree(file, root);
        }
        return changed;
    }

    private Tenant toTenant(JsonNode entry, String label) {
        if (!entry.isObject()) {
            throw new TenantValidationException("entry must be an object");
        }
        rejectUnknown(entry, TENANT_FIELDS, "");
        JsonNode bc = object(entry, "bc");
        rejectUnknown(bc, BC_FIELDS, "bc.");
        JsonNode procore = object(entry, "procore");
        rejectUnknown(procore, PROCORE_FIELDS, "procore.");
        return new Tenant(
                text(entry, "id", "id"),
                text(entry, "displayName", "displayName"),
                new BcSettings(
                        text(bc, "aadTenantId", "bc.aadTenantId"),
                        text(bc, "environment", "bc.environment"),
                        uuid(bc, "companyId", "bc.companyId"),
                        text(bc, "clientId", "bc.clientId"),
                        secret(bc, "clientSecret", "bc.clientSecret", label),
                        uri(bc, "apiBase", "bc.apiBase"),
                        uri(bc, "loginBase", "bc.loginBase")),
                new ProcoreSettings(
                        longValue(procore, "companyId", "procore.companyId"),
                        text(procore, "clientId", "procore.clientId"),
                        secret(procore, "clientSecret", "procore.clientSecret", label),
                        longs(procore, "projectIds", "procore.projectIds"),
                        uri(procore, "apiBase", "procore.apiBase"),
                        uri(procore, "loginBase", "procore.loginBase")),
                secret(entry, "webhookToken", "webhookToken", label),
                secret(entry, "bcClientState", "bcClientState", label),
                text(entry, "syncSchedule", "syncSchedule"),
                policy(entry.path("postingPolicy")),
                vendorSync(entry.path("vendorSync")));
    }

    private ObjectNode toJson(Tenant tenant) {
        ObjectNode node = json.createObjectNode();
        node.put("id", tenant.id());
        node.put("displayName", tenant.displayName());
        ObjectNode bc = node.putObject("bc");
        bc.put("aadTenantId", tenant.bc().aadTenantId());
        bc.put("environment", tenant.bc().environment());
        bc.put("companyId", tenant.bc().companyId().toString());
        bc.put("clientId", tenant.bc().clientId());
        bc.put("clientSecret", cipher.encrypt(tenant.bc().clientSecret()));
        bc.put("apiBase", tenant.bc().apiBase().toString());
        bc.put("loginBase", tenant.bc().loginBase().toString());
        ObjectNode procore = node.putObject("procore");
        procore.put("companyId", tenant.procore().companyId());
        procore.put("clientId", tenant.procore().clientId());
        procore.put("clientSecret", cipher.encrypt(tenant.procore().clientSecret()));
        ArrayNode projects = procore.putArray("projectIds");
        tenant.procore().projectIds().forEach(projects::add);
        procore.put("apiBase", tenant.procore().apiBase().toString());
        procore.put("loginBase", tenant.procore().loginBase().toString());
        node.put("webhookToken", cipher.encrypt(tenant.webhookToken()));
        node.put("bcClientState", cipher.encrypt(tenant.bcClientState()));
        node.put("syncSchedule", tenant.syncSchedule());
        PostingPolicy posting = tenant.postingPolicy();
        ObjectNode policy = node.putObject("postingPolicy");
        ObjectNode documents = policy.putObject("documents");
        for (DocumentType type : DocumentType.values()) {
            documents.put(type.key(), posting.treatmentOf(type).words());
        }
        ObjectNode approved = policy.putObject("approvedStatuses");
        for (DocumentType type : DocumentType.values()) {
            ArrayNode statuses = approved.putArray(type.key());
            posting.approvedStatuses().of(type).forEach(statuses::add);
        }
        posting.accounts().configured().forEach(policy::put);
        if (posting.journalBatch() != null) {
            policy.put("journalBatch", posting.journalBatch());
        }
        ObjectNode dimensions = policy.putObject("dimensionCodes");
        putIfSet(dimensions, "project", posting.dimensionCodes().project());
        putIfSet(dimensions, "costCode", posting.dimensionCodes().costCode());
        putIfSet(dimensions, "costType", posting.dimensionCodes().costType());
        node.putObject("vendorSync").put("relinkRecreatedVendors", tenant.vendorSync().relinkRecreatedVendors());
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private Secret secret(JsonNode parent, String field, String path, String label) {
        String value = text(parent, field, path);
        if (value == null) {
            return null; // the record reports the missing field
        }
        if (SecretCipher.isEncrypted(value)) {
            if (cipher == null) {
                throw new TenantValidationException(path + " is encrypted but no encryption keys are configured"
                        + " (set MLC_ENCRYPTION_KEYS)");
            }
            return cipher.decrypt(value);
        }
        if (!allowPlaintextSecrets) {
            throw new TenantValidationException(path + " is stored in plain text; encrypt the file first:"
                    + " MLC_ENCRYPTION_KEYS=... TenantSecretsTool encrypt-file <tenants file>");
        }
        log.warn("{}: {} is stored in plain text; accepted because plain-text secrets are allowed"
                + " (local sandbox run only)", label, path);
        return Secret.of(value);
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isObject()) {
            throw new TenantValidationException(field + " is required and must be an object");
        }
        return node;
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String prefix) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (!known.contains(property.getKey())) {
                throw new TenantValidationException("unknown field " + prefix + property.getKey()
                        + " (known: " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    private static String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new TenantValidationException(path + " must be a string");
        }
        return node.asString();
    }

    private static UUID uuid(JsonNode parent, String field, String path) {
        String value = text(parent, field, path);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new TenantValidationException(path + " must be a UUID: " + value);
        }
    }

    private static URI uri(JsonNode parent, String field, String path) {
        String value = text(parent, field, path);
        try {
            return value == null ? null : URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new TenantValidationException(path + " is not a URI: " + value);
        }
    }

    private static long longValue(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isString() && node.asString().matches("\\d{1,18}")) {
            return Long.parseLong(node.asString());
        }
        throw new TenantValidationException(path + " is required and must be a whole number");
    }

    private static List<Long> longs(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new TenantValidationException(path + " must be an array of project ids");
        }
        List<Long> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isIntegralNumber() || !item.canConvertToLong()) {
                throw new TenantValidationException(path + " must be an array of project ids");
            }
            values.add(item.longValue());
        }
        return values;
    }

    /**
     * {@code postingPolicy}: required, because a tenant's accounts are its own and nothing here may guess them.
     * A tenant that posts nothing says so with every document type set to "do not post".
     */
    private static PostingPolicy policy(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            throw new TenantValidationException("postingPolicy is required: the tenant's policy accounts, journal"
                    + " batch and dimension codes (see libs/tenant/README.md), or every postingPolicy.documents"
                    + " entry set to \"do not post\"");
        }
        if (!node.isObject()) {
            throw new TenantValidationException("postingPolicy must be an object");
        }
        rejectUnknown(node, POLICY_FIELDS, "postingPolicy.");
        Map<DocumentType, Treatment> treatments = new java.util.EnumMap<>(DocumentType.class);
        JsonNode documents = node.path("documents");
        if (!documents.isMissingNode() && !documents.isNull()) {
            if (!documents.isObject()) {
                throw new TenantValidationException("postingPolicy.documents must be an object");
            }
            for (Map.Entry<String, JsonNode> property : documents.properties()) {
                String path = "postingPolicy.documents." + property.getKey();
                DocumentType type = DocumentType.byKey(property.getKey()).orElseThrow(() ->
                        new TenantValidationException("unknown document type " + path + " (known: "
                                + java.util.Arrays.stream(DocumentType.values()).map(DocumentType::key).toList() + ")"));
                String value = property.getValue().isString() ? property.getValue().asString() : null;
                Treatment treatment = Treatment.parse(value).orElseThrow(() -> new TenantValidationException(
                        path + " must be one of " + java.util.Arrays.stream(Treatment.values())
                                .map(t -> "\"" + t.words() + "\"").toList()));
                treatments.put(type, treatment);
            }
        }
        JsonNode dimensions = node.path("dimensionCodes");
        DimensionCodes codes = DimensionCodes.NONE;
        if (!dimensions.isMissingNode() && !dimensions.isNull()) {
            if (!dimensions.isObject()) {
                throw new TenantValidationException("postingPolicy.dimensionCodes must be an object");
            }
            rejectUnknown(dimensions, DIMENSION_FIELDS, "postingPolicy.dimensionCodes.");
            codes = new DimensionCodes(
                    text(dimensions, "project", "postingPolicy.dimensionCodes.project"),
                    text(dimensions, "costCode", "postingPolicy.dimensionCodes.costCode"),
                    text(dimensions, "costType", "postingPolicy.dimensionCodes.costType"));
        }
        PolicyAccounts accounts = new PolicyAccounts(
                accountNumber(node, "retainagePayableAccount"),
                accountNumber(node, "expenseClearingAccount"),
                accountNumber(node, "accruedPayrollAccount"),
                accountNumber(node, "commitmentAccount"),
                accountNumber(node, "commitmentContraAccount"),
                accountNumber(node, "contractValueAccount"),
                accountNumber(node, "contractValueContraAccount"));
        return new PostingPolicy(treatments, accounts, text(node, "journalBatch", "postingPolicy.journalBatch"), codes,
                approvedStatuses(node.path("approvedStatuses")));
    }

    /**
     * {@code postingPolicy.approvedStatuses}: per document type key, the Procore statuses in which it posts, e.g.
     * {@code {"requisitions": ["approved", "approved_as_noted"]}}; a type left out keeps Procore's approved statuses.
     */
    private static ApprovedStatuses approvedStatuses(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return ApprovedStatuses.PROCORE_DEFAULTS;
        }
        if (!node.isObject()) {
            throw new TenantValidationException("postingPolicy.approvedStatuses must be an object: per document type"
                    + " (e.g. \"requisitions\"), a list of Procore statuses");
        }
        Map<DocumentType, java.util.Collection<String>> statuses = new java.util.EnumMap<>(DocumentType.class);
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String path = "postingPolicy.approvedStatuses." + property.getKey();
            DocumentType type = DocumentType.byKey(property.getKey()).orElseThrow(() ->
                    new TenantValidationException("unknown document type " + path + " (known: "
                            + java.util.Arrays.stream(DocumentType.values()).map(DocumentType::key).toList() + ")"));
            JsonNode list = property.getValue();
            if (!list.isArray() || list.valueStream().anyMatch(v -> !v.isString())) {
                throw new TenantValidationException(path + " must be a list of Procore statuses, e.g. "
                        + ApprovedStatuses.procoreApproved(type).stream().map(s -> "\"" + s + "\"").toList());
            }
            statuses.put(type, list.valueStream().map(JsonNode::asString).toList());
        }
        Map<DocumentType, Set<String>> validated = new java.util.EnumMap<>(DocumentType.class);
        // ApprovedStatuses validates each list (and names the setting); a duplicate is harmless
        statuses.forEach((type, values) -> validated.put(type, new java.util.LinkedHashSet<>(values)));
        return new ApprovedStatuses(validated);
    }

    /** An account number as text; a JSON number is accepted too (an account "2120" is often typed as 2120). */
    private static String accountNumber(JsonNode policy, String field) {
        JsonNode node = policy.path(field);
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        return text(policy, field, "postingPolicy." + field);
    }

    private static VendorSyncSettings vendorSync(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return VendorSyncSettings.defaults();
        }
        if (!node.isObject()) {
            throw new TenantValidationException("vendorSync must be an object");
        }
        rejectUnknown(node, Set.of("relinkRecreatedVendors"), "vendorSync.");
        JsonNode relink = node.path("relinkRecreatedVendors");
        if (!relink.isMissingNode() && !relink.isBoolean()) {
            throw new TenantValidationException("vendorSync.relinkRecreatedVendors must be true or false");
        }
        return new VendorSyncSettings(relink.asBoolean(false));
    }

    private void requireCipher(String action) {
        if (cipher == null) {
            throw new TenantFileException("cannot " + action + " without encryption keys (set MLC_ENCRYPTION_KEYS)");
        }
    }

    private JsonNode readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TenantFileException("tenants file " + file + " does not exist");
        }
        try {
            return json.readTree(file);
        } catch (JacksonException e) {
            // Jackson's message quotes the offending text, which may be a plain-text secret: give the place only.
            TokenStreamLocation at = e.getLocation();
            throw new TenantFileException("tenants file " + file + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private void writeTree(Path file, JsonNode root) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            temp = createPrivateTempFile(target);
            Files.writeString(temp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TenantFileException("cannot write tenants file " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort; the temp file holds only encrypted values
                }
            }
        }
    }

    private static Path createPrivateTempFile(Path target) throws IOException {
        Path dir = target.getParent();
        String prefix = "." + target.getFileName() + ".";
        try {
            return Files.createTempFile(dir, prefix, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            return Files.createTempFile(dir, prefix, ".tmp");
        }
    }
}
