package io.mlconnector.sandbox.procore;

import static io.mlconnector.sandbox.procore.SandboxHttp.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Guards vendor-sync's target: create, update, and the always-200 batch sync with per-row errors. */
class VendorWritesTest {

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
    void createThenUpdateAVendor() {
        HttpResponse<String> created = send(sandbox, token, "POST", "/rest/v1.0/vendors",
                "{\"company_id\":5001234,\"vendor\":{\"name\":\"Summit Survey Group\",\"origin_id\":\"8f3c2a10-0000-4000-a000-000000000030\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = json(created).path("id").asLong();
        HttpResponse<String> updated = send(sandbox, token, "PATCH", "/rest/v1.0/vendors/" + id,
                "{\"company_id\":5001234,\"vendor\":{\"city\":\"Salem\"}}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("city").asString()).isEqualTo("Salem");
        assertThat(json(get(sandbox, token, "/rest/v1.0/vendors/" + id + "?company_id=5001234")).path("name").asString())
                .isEqualTo("Summit Survey Group");
    }

    @Test
    void duplicateOriginIdIsAConflictAndBlankNameIsInvalid() {
        assertThat(send(sandbox, token, "POST", "/rest/v1.0/vendors",
                "{\"company_id\":5001234,\"vendor\":{\"name\":\"X\",\"origin_id\":\"8f3c2a10-0000-4000-a000-000000000001\"}}")
                .statusCode()).isEqualTo(409);
        assertThat(send(sandbox, token, "POST", "/rest/v1.0/vendors", "{\"company_id\":5001234,\"vendor\":{\"name\":\"\"}}")
                .statusCode()).isEqualTo(422);
    }

    @Test
    void syncUpsertsByOriginIdUpdatesByIdAndReportsRowErrors() {
        HttpResponse<String> r = send(sandbox, token, "PATCH", "/rest/v1.0/vendors/sync", """
                {"company_id":5001234,"updates":[
                  {"origin_id":"8f3c2a10-0000-4000-a000-000000000030","name":"Summit Survey Group"},
                  {"origin_id":"8f3c2a10-0000-4000-a000-000000000001","city":"Gresham"},
                  {"id":3968031,"origin_id":"bc-quickfix"},
                  {"id":1,"name":"Nobody"},
                  {"name":"No key"}]}""");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.path("entities").size()).isEqualTo(3);
        assertThat(body.path("errors").size()).isEqualTo(2);
        assertThat(body.path("errors").get(0).path("errors").path("id").get(0).asString()).isEqualTo("does not exist");
        assertThat(sandbox.data().find(Resource.VENDORS, 5001234, 3968001).orElseThrow().path("city").asString()).isEqualTo("Gresham");
        assertThat(sandbox.data().find(Resource.VENDORS, 5001234, 3968031).orElseThrow().path("origin_id").asString()).isEqualTo("bc-quickfix");
    }
}
