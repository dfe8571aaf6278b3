package io.mlconnector.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vendor-sync re-points Procore vendors by name only when a tenant asks for it in the tenants file. */
class VendorRelinkIsOptInTest {

    @TempDir
    Path dir;

    @Test
    void offUnlessTheTenantSaysSo() throws Exception {
        assertThat(read(TenantFixtures.plaintextFile()).vendorSync().relinkRecreatedVendors()).isFalse();
        assertThat(TenantFixtures.harborRidge().vendorSync()).isEqualTo(VendorSyncSettings.defaults());

        String optedIn = TenantFixtures.plaintextFile().replace("\"postingPolicy\"",
                "\"vendorSync\": {\"relinkRecreatedVendors\": true},\n  \"postingPolicy\"");
        assertThat(read(optedIn).vendorSync().relinkRecreatedVendors()).isTrue();
    }

    @Test
    void aMistypedSettingIsRefusedWithItsName() {
        String wrong = TenantFixtures.plaintextFile().replace("\"postingPolicy\"",
                "\"vendorSync\": {\"relinkRecreatedVendors\": \"yes\"},\n  \"postingPolicy\"");
        assertThatThrownBy(() -> read(wrong)).hasMessageContaining("vendorSync.relinkRecreatedVendors must be true or false");
        String unknown = TenantFixtures.plaintextFile().replace("\"postingPolicy\"",
                "\"vendorSync\": {\"relink\": true},\n  \"postingPolicy\"");
        assertThatThrownBy(() -> read(unknown)).hasMessageContaining("unknown field vendorSync.relink");
    }

    private Tenant read(String json) throws Exception {
        Path file = dir.resolve("tenants-" + System.nanoTime() + ".json");
        Files.writeString(file, json);
        return TenantFile.allowingPlaintextSecrets(null).read(file).get(0);
    }
}
