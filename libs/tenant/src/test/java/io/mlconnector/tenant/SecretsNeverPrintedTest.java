package io.mlconnector.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.oauth.Secret;
import org.junit.jupiter.api.Test;

class SecretsNeverPrintedTest {

    @Test
    void secretToStringIsRedacted() {
        assertThat(Secret.of("bc-sandbox-secret").toString()).doesNotContain("bc-sandbox-secret");
        assertThat(String.valueOf(Secret.of("bc-sandbox-secret"))).isEqualTo("Secret[****]");
    }

    @Test
    void tenantAndSettingsToStringNeverContainASecret() {
        Tenant tenant = TenantFixtures.harborRidge();

        for (String printed : new String[] {tenant.toString(), tenant.bc().toString(), tenant.procore().toString()}) {
            for (String secret : TenantFixtures.allSecrets()) {
                assertThat(printed).doesNotContain(secret);
            }
        }
        assertThat(tenant.toString()).contains("harbor-ridge", "Secret[****]");
    }
}
