package io.mlconnector.sandbox.procore;

import static io.mlconnector.sandbox.procore.SandboxHttp.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Guards the Webhooks API surface the connector's registration relies on: scope, namespaces, triggers, resources. */
class WebhookHooksApiTest {

    private static final String HOOKS = "/rest/v1.0/webhooks/hooks";

    private ProcoreSandbox sandbox;
    private String token;

    @BeforeEach
    void start() {
        sandbox = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(demoData()));
        token = token(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void companyHookIsCreatedListedByNamespacePatchedAndDeletedInItsScopeOnly() {
        HttpResponse<String> created = send(sandbox, token, "POST", HOOKS, """
                {"company_id":5001234,"hook":{"api_version":"v2","namespace":"ml-connector",
                 "destination_url":"https://gw.example/webhooks/procore/harbor-ridge",
                 "destination_headers":{"Authorization":"Bearer s3cret"}}}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode hook = json(created);
        long id = hook.path("id").asLong();
        assertThat(hook.path("owned_by_company_id").asLong()).isEqualTo(COMPANY);
        assertThat(hook.path("destination_headers").path("Authorization").asString()).isEqualTo("Bearer s3cret");
        send(sandbox, token, "POST", HOOKS, """
                {"company_id":5001234,"hook":{"api_version":"v2","namespace":"other-app","destination_url":"https://x.example/h"}}""");

        assertThat(json(get(sandbox, token, HOOKS + "?company_id=5001234&namespace=ml-connector"))).hasSize(1);
        assertThat(json(get(sandbox, token, HOOKS + "?company_id=5001234&namespace=*"))).hasSize(2);
        assertThat(json(get(sandbox, token, HOOKS + "?project_id=2001001"))).isEmpty();
        assertThat(get(sandbox, token, HOOKS + "/" + id + "?project_id=2001001").statusCode()).isEqualTo(404);
        assertThat(get(sandbox, token, HOOKS).statusCode()).isEqualTo(400);

        HttpResponse<String> patched = send(sandbox, token, "PATCH", HOOKS + "/" + id, """
                {"company_id":5001234,"hook":{"destination_url":"https://gw2.example/webhooks/procore/harbor-ridge"}}""");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched).path("destination_url").asString()).isEqualTo("https://gw2.example/webhooks/procore/harbor-ridge");
        assertThat(json(patched).path("destination_headers").path("Authorization").asString()).isEqualTo("Bearer s3cret");

        assertThat(send(sandbox, token, "DELETE", HOOKS + "/" + id + "?company_id=5001234", "").statusCode()).isEqualTo(204);
        assertThat(get(sandbox, token, HOOKS + "/" + id + "?company_id=5001234").statusCode()).isEqualTo(404);
    }

    @Test
    void invalidHooksAreRefused() {
        assertThat(send(sandbox, token, "POST", HOOKS, """
                {"company_id":5001234,"hook":{"api_version":"v2","namespace":"ML Connector","destination_url":"https://x.example/h"}}""")
                .statusCode()).isEqualTo(422);
        assertThat(send(sandbox, token, "POST", HOOKS, """
                {"company_id":5001234,"hook":{"api_version":"v2","namespace":"ml-connector","destination_url":"not a url"}}""")
                .statusCode()).isEqualTo(422);
        assertThat(send(sandbox, token, "POST", HOOKS, """
                {"company_id":5001234,"project_id":2001001,"hook":{"namespace":"a","destination_url":"https://x.example/h"}}""")
                .statusCode()).isEqualTo(400);
        assertThat(send(sandbox, token, "POST", HOOKS, """
                {"company_id":9999,"hook":{"namespace":"a","destination_url":"https://x.example/h"}}""")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void triggersAreCheckedAgainstTheScopesResourcesAndDuplicatesRefused() {
        long company = json(send(sandbox, token, "POST", HOOKS, """
                {"company_id":5001234,"hook":{"api_version":"v2","namespace":"ml-connector","destination_url":"https://x.example/h"}}"""))
                .path("id").asLong();
        HttpResponse<String> bulk = send(sandbox, token, "POST", HOOKS + "/" + company + "/triggers/bulk", """
                {"company_id":5001234,"api_version":"v2","triggers":[
                  {"resource_name":"Direct Costs","event_type":"create"},
                  {"resource_name":"Direct Costs","event_type":"update"},
                  {"resource_name":"Subcontractor Invoices","event_type":"update"},
                  {"resource_name":"Company Vendors","event_type":"delete"},
                  {"resource_name":"Company Vendors","event_type":"update"}]}""");
        assertThat(bulk.statusCode()).isEqualTo(201);
        assertThat(json(bulk).path("success")).hasSize(3);
        assertThat(json(bulk).path("failures")).hasSize(2);
        HttpResponse<String> duplicate = send(sandbox, token, "POST", HOOKS + "/" + company + "/triggers", """
                {"company_id":5001234,"api_version":"v2","trigger":{"resource_name":"Direct Costs","event_type":"update"}}""");
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(json(get(sandbox, token, HOOKS + "/" + company + "/triggers?company_id=5001234"))).hasSize(3);

        long project = json(send(sandbox, token, "POST", HOOKS, """
                {"project_id":2001001,"hook":{"api_version":"v2","namespace":"ml-connector","destination_url":"https://x.example/p"}}"""))
                .path("id").asLong();
        // company-directory resources belong to company hooks only
        assertThat(send(sandbox, token, "POST", HOOKS + "/" + project + "/triggers", """
                {"project_id":2001001,"api_version":"v2","trigger":{"resource_name":"Company Vendors","event_type":"update"}}""")
                .statusCode()).isEqualTo(422);
    }

    @Test
    void resourcesListWhatTheSandboxDeliversPerScope() {
        List<String> company = names(json(get(sandbox, token, "/rest/v1.0/webhooks/resources?company_id=5001234")));
        List<String> project = names(json(get(sandbox, token, "/rest/v1.0/webhooks/resources?project_id=2001001")));
        assertThat(company).contains("Direct Costs", "Work Order Contracts", "Purchase Order Contracts", "Requisitions",
                "Commitment Change Orders", "Prime Change Orders", "Company Vendors");
        assertThat(project).contains("Direct Costs", "Requisitions").doesNotContain("Company Vendors", "Projects");
    }

    @Test
    void theRequisitionsResourceNameIsConfigurable() {
        try (ProcoreSandbox other = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(demoData())
                .withWebhooks(WebhookOptions.defaults().withRequisitionsResourceName("Subcontractor Invoices")))) {
            List<String> names = names(json(get(other, token(other), "/rest/v1.0/webhooks/resources?company_id=5001234")));
            assertThat(names).contains("Subcontractor Invoices").doesNotContain("Requisitions");
        }
    }

    private static List<String> names(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.path("resource_name").asString()));
        return out;
    }
}
