package io.mlconnector.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.oauth.Secret;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantValidationTest {

    private static final UUID COMPANY = UUID.fromString("5a1e0000-0000-4000-8000-0000000c0001");

    @ParameterizedTest
    @ValueSource(strings = {"Production", "Sandbox", "sandbox-eu_2", "P", "A2345678901234567890123456789"})
    void acceptsBcEnvironmentNames(String name) {
        assertThat(BcSettings.isValidEnvironmentName(name)).isTrue();
        assertThat(bc(name).environment()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1Production", "Prod uction", "Prod/../x", "Prod%2F", "Prod?x=1", "Prod.uction",
            "A23456789012345678901234567890", "Prödüction", "-prod"})
    void refusesBcEnvironmentNamesThatCouldBreakTheUrl(String name) {
        assertThat(BcSettings.isValidEnvironmentName(name)).isFalse();
        assertThatThrownBy(() -> bc(name)).isInstanceOf(TenantValidationException.class)
                .hasMessageContaining("bc.environment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Harbor", "harbor_ridge", "harbor ridge", "", "a23456789012345678901234567890123456789012"})
    void refusesTenantIdsThatAreNotSlugs(String id) {
        assertThatThrownBy(() -> tenant(id)).isInstanceOf(TenantValidationException.class)
                .hasMessageContaining("tenant id");
    }

    @Test
    void defaultsHostsScheduleAndPolicy() {
        Tenant tenant = tenant("harbor-ridge");

        assertThat(tenant.syncSchedule()).isEqualTo("0 */15 * * * *");
        assertThat(tenant.displayName()).isEqualTo("harbor-ridge");
        assertThat(tenant.postingPolicy().postsAnything()).isFalse();
        assertThat(tenant.bc().apiBase()).isEqualTo(URI.create("https://api.businesscentral.dynamics.com"));
        assertThat(tenant.bc().tokenUri()).isEqualTo(URI.create(
                "https://login.microsoftonline.com/7c1d2e3f-0000-4000-8000-00000000b001/oauth2/v2.0/token"));
        assertThat(tenant.bc().apiRoot()).isEqualTo(URI.create("https://api.businesscentral.dynamics.com/v2.0/"
                + "7c1d2e3f-0000-4000-8000-00000000b001/Production/api/v2.0"));
        assertThat(tenant.procore().tokenUri()).isEqualTo(URI.create("https://login.procore.com/oauth/token"));
        assertThat(tenant.procore().syncsAllProjects()).isTrue();
        assertThat(tenant.procore().includesProject(2001003L)).isTrue();
    }

    @Test
    void requiresEveryCredential() {
        assertThatThrownBy(() -> new BcSettings("7c1d2e3f-0000-4000-8000-00000000b001", "Production", COMPANY,
                "app", null)).hasMessageContaining("bc.clientSecret is required");
        assertThatThrownBy(() -> new ProcoreSettings(5001234L, " ", Secret.of("s")))
                .hasMessageContaining("procore.clientId is required");
        assertThatThrownBy(() -> new ProcoreSettings(0L, "app", Secret.of("s")))
                .hasMessageContaining("procore.companyId");
        assertThatThrownBy(() -> new Tenant("t", null, bc("Production"), procore(), null, Secret.of("c"), null, null))
                .hasMessageContaining("webhookToken is required");
    }

    @Test
    void refusesAFiveFieldUnixCron() {
        assertThatThrownBy(() -> new Tenant("t", null, bc("Production"), procore(), Secret.of("w"), Secret.of("c"),
                "*/15 * * * *", null)).hasMessageContaining("6-field");
    }

    @Test
    void refusesAnAadTenantThatIsNotAPathSegment() {
        assertThatThrownBy(() -> new BcSettings("contoso.com/../evil", "Production", COMPANY, "app", Secret.of("s")))
                .hasMessageContaining("bc.aadTenantId");
        assertThat(new BcSettings("contoso.onmicrosoft.com", "Production", COMPANY, "app", Secret.of("s"))
                .aadTenantId()).isEqualTo("contoso.onmicrosoft.com");
    }

    private static BcSettings bc(String environment) {
        return new BcSettings("7c1d2e3f-0000-4000-8000-00000000b001", environment, COMPANY, "app", Secret.of("s"));
    }

    private static ProcoreSettings procore() {
        return new ProcoreSettings(5001234L, "app", Secret.of("s"));
    }

    private static Tenant tenant(String id) {
        return new Tenant(id, null, bc("Production"), procore(), Secret.of("w"), Secret.of("c"), null, null);
    }
}
