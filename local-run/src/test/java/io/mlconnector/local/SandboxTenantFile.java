package io.mlconnector.local;

import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A tenant file whose Procore and BC hosts are two sandboxes playing the real systems. */
final class SandboxTenantFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SandboxTenantFile() {
    }

    static Path write(Path source, ProcoreSandbox procore, BcSandbox bc, Path target) throws IOException {
        return write(source, procore.baseUrl(), bc.apiBaseUrl(), bc.loginBaseUrl(), target, t -> { });
    }

    /** {@code change} edits the tenant's JSON ({@code bc}, {@code procore}, …) before it is written. */
    static Path write(Path source, String procoreBase, String bcApiBase, String bcLoginBase, Path target,
                      Consumer<ObjectNode> change) throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(source.toFile());
        ObjectNode tenant = (ObjectNode) file.get("tenants").get(0);
        ((ObjectNode) tenant.get("procore")).put("apiBase", procoreBase).put("loginBase", procoreBase);
        ((ObjectNode) tenant.get("bc")).put("apiBase", bcApiBase).put("loginBase", bcLoginBase);
        change.accept(tenant);
        Files.createDirectories(target.getParent());
        Files.writeString(target, JSON.writeValueAsString(file));
        return target;
    }
}
