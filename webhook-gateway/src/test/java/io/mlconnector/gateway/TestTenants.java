package io.mlconnector.gateway;

import io.mlconnector.oauth.Secret;
import io.mlconnector.tenant.BcSettings;
import io.mlconnector.tenant.PostingPolicy;
import io.mlconnector.tenant.ProcoreSettings;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantFile;
import io.mlconnector.tenant.crypto.KeyRing;
import io.mlconnector.tenant.crypto.SecretCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Two tenants in an encrypted tenants file, the way a deployment gets them. */
public final class TestTenants {

    public static final String HARBOR = "harbor-ridge";
    public static final long HARBOR_COMPANY = 5001234L;
    public static final String HARBOR_TOKEN = "whk-harbor-7f3a9c0e1b2d4e5f";
    public static final String HARBOR_CLIENT_STATE = "cs-harbor-0a1b2c3d4e5f6789";
    public static final String HARBOR_BC_COMPANY = "5a1e0000-0000-4000-8000-0000000c0001";

    public static final String LAKESIDE = "lakeside-civil";
    public static final long LAKESIDE_COMPANY = 6007001L;
    public static final String LAKESIDE_TOKEN = "whk-lakeside-99aa88bb77cc66dd";
    public static final String LAKESIDE_CLIENT_STATE = "cs-lakeside-5566778899aabbcc";

    public static final String KEYS = KeyRing.generateEntry("test1");
    public static final Path FILE = write();

    private TestTenants() {
    }

    private static Path write() {
        try {
            Path dir = Files.createTempDirectory("gateway-tenants");
            Path file = dir.resolve("tenants.json");
            new TenantFile(new SecretCipher(KeyRing.parse(KEYS))).write(file, List.of(
                    tenant(HARBOR, HARBOR_COMPANY, HARBOR_TOKEN, HARBOR_CLIENT_STATE, HARBOR_BC_COMPANY),
                    tenant(LAKESIDE, LAKESIDE_COMPANY, LAKESIDE_TOKEN, LAKESIDE_CLIENT_STATE,
                            "6b2f0000-0000-4000-8000-0000000c0002")));
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Tenant tenant(String id, long procoreCompany, String token, String clientState, String bcCompany) {
        return new Tenant(id, id,
                new BcSettings("7c1d2e3f-0000-4000-8000-00000000b001", "Production", UUID.fromString(bcCompany),
                        id + "-bc-app", Secret.of("bc-secret-" + id)),
                new ProcoreSettings(procoreCompany, id + "-procore", Secret.of("procore-secret-" + id)),
                Secret.of(token), Secret.of(clientState), null, PostingPolicy.NOTHING_POSTED);
    }
}
