package io.mlconnector.procore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.oauth.Secret;
import io.mlconnector.procore.model.WebhookHook;
import io.mlconnector.procore.model.WebhookHookSpec;
import io.mlconnector.procore.model.WebhookResource;
import io.mlconnector.procore.model.WebhookTrigger;
import io.mlconnector.procore.model.WebhookTriggersResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guards the hook/trigger calls a webhook registration is built on, against the sandbox's Webhooks API. */
class WebhookHooksAndTriggersTest {

    private static final Duration T = Duration.ofSeconds(10);

    private SandboxFixture fx;

    @BeforeEach
    void start() {
        fx = SandboxFixture.defaults();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void createListByNamespaceUpdateAndDeleteACompanyHook() {
        WebhookHookSpec spec = new WebhookHookSpec("ml-connector", "https://gw.example/webhooks/procore/harbor-ridge",
                Map.of("Authorization", Secret.of("Bearer tenant-token")));
        WebhookHook created = fx.client.createWebhookHook(spec).block(T);
        assertThat(created.companyId()).isEqualTo(SandboxFixture.COMPANY);
        assertThat(created.apiVersion()).isEqualTo("v2");
        assertThat(spec.sameHeadersAs(created)).isTrue();
        assertThat(created.toString()).doesNotContain("tenant-token");
        fx.client.createWebhookHook(new WebhookHookSpec("someone-else", "https://x.example/h", Map.of())).block(T);

        assertThat(fx.client.webhookHooks("ml-connector").collectList().block(T)).extracting(WebhookHook::id)
                .containsExactly(created.id());
        assertThat(fx.client.webhookHooks("*").collectList().block(T)).hasSize(2);

        WebhookHookSpec moved = new WebhookHookSpec("ml-connector", "https://gw2.example/webhooks/procore/harbor-ridge",
                Map.of("Authorization", Secret.of("Bearer rotated")));
        WebhookHook updated = fx.client.updateWebhookHook(created.id(), moved).block(T);
        assertThat(updated.destinationUrl()).isEqualTo(moved.destinationUrl());
        assertThat(spec.sameHeadersAs(updated)).isFalse();
        assertThat(moved.sameHeadersAs(updated)).isTrue();

        fx.client.deleteWebhookHook(created.id()).block(T);
        assertThat(fx.client.webhookHooks("ml-connector").collectList().block(T)).isEmpty();
        assertThatThrownBy(() -> fx.client.deleteWebhookHook(created.id()).block(T))
                .isInstanceOf(ProcoreApiException.class);
    }

    @Test
    void bulkTriggersReportCreatedAndRefusedOnesAndResourcesNameWhatCanBeSubscribed() {
        List<WebhookResource> resources = fx.client.webhookResources().collectList().block(T);
        assertThat(resources).extracting(WebhookResource::resourceName)
                .contains("Direct Costs", "Requisitions", "Company Vendors");
        assertThat(resources).filteredOn(r -> r.resourceName().equals("Company Vendors"))
                .allSatisfy(r -> assertThat(r.offers("delete")).isFalse());

        long hook = fx.client.createWebhookHook(new WebhookHookSpec("ml-connector", "https://x.example/h", Map.of()))
                .block(T).id();
        WebhookTriggersResult result = fx.client.createWebhookTriggers(hook, List.of(
                WebhookTrigger.of("Direct Costs", "create"), WebhookTrigger.of("Direct Costs", "update"),
                WebhookTrigger.of("Subcontractor Invoices", "update"))).block(T);
        assertThat(result.created()).hasSize(2).allSatisfy(t -> assertThat(t.id()).isNotNull());
        assertThat(result.failures()).singleElement().asString().contains("Subcontractor Invoices");
        assertThat(fx.client.webhookTriggers(hook).collectList().block(T))
                .extracting(WebhookTrigger::resourceName, WebhookTrigger::eventType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Direct Costs", "create"),
                        org.assertj.core.groups.Tuple.tuple("Direct Costs", "update"));
    }
}
