package io.mlconnector.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    @Test
    void urlsPerTenantWithoutDoubleSlashes() {
        assertThat(WebhookUrls.procore("https://gw.example.com/", "harbor-ridge"))
                .isEqualTo("https://gw.example.com/webhooks/procore/harbor-ridge");
        assertThat(WebhookUrls.bc("http://127.0.0.1:8080", "harbor-ridge"))
                .isEqualTo("http://127.0.0.1:8080/webhooks/bc/harbor-ridge");
    }

    @Test
    void everyPrintedLineNamesTheWebhook() {
        var tenants = new io.mlconnector.tenant.FileTenantRegistry(TestTenants.FILE,
                new io.mlconnector.tenant.TenantFile(new io.mlconnector.tenant.crypto.SecretCipher(
                        io.mlconnector.tenant.crypto.KeyRing.parse(TestTenants.KEYS)))).all();
        assertThat(WebhookUrls.describe("http://127.0.0.1:8080", tenants))
                .hasSize(4)
                .allSatisfy(line -> assertThat(line).contains("webhook"))
                .contains("harbor-ridge Procore webhook URL: http://127.0.0.1:8080/webhooks/procore/harbor-ridge",
                        "harbor-ridge BC webhook URL: http://127.0.0.1:8080/webhooks/bc/harbor-ridge");
    }

    @Test
    void refusesSomethingThatIsNotATenantId() {
        assertThatThrownBy(() -> WebhookUrls.procore("http://x", "../admin"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
