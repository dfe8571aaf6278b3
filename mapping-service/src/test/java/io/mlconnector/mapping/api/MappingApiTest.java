package io.mlconnector.mapping.api;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.mapping.fixtures.MongoHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The management API over the real stores (mongo-java-server), bound to the controllers without a context. */
class MappingApiTest {
    private static final String BASE = "/api/tenants/harbor-ridge";
    private final MongoHarness h = new MongoHarness().seeded();
    private final io.mlconnector.mapping.core.RedriveJobs jobs =
            new io.mlconnector.mapping.core.RedriveJobs(1, java.time.Clock.systemUTC());
    private final WebTestClient client = WebTestClient
            .bindToController(new MappingRulesController(h.admin), new VendorLinksController(h.admin),
                    new ExceptionsController(h.admin, jobs), new RedrivesController(jobs))
            .controllerAdvice(new ApiErrors())
            .build();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void getRulesAsJsonAndCsv() {
        client.get().uri(BASE + "/mapping/rules").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.rules.length()").isEqualTo(8)
                .jsonPath("$.rules[0].costType").isEqualTo("E");
        String csv = client.get().uri(BASE + "/mapping/rules.csv").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("project,cost_code,cost_type,gl_account,dimensions\n").contains(",04-200,M,5190,\n");
    }

    @Test
    void csvImportWithBadRowIsRejectedWithRowNumberAndChangesNothing() {
        client.post().uri(BASE + "/mapping/rules.csv").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("project,cost_code,cost_type,gl_account,dimensions\n,,L,5110,\n2024-001,,M,5120,\n")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error").isEqualTo("CSV_ROW_INVALID")
                .jsonPath("$.row").isEqualTo(3);
        client.post().uri(BASE + "/mapping/rules.csv").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("project,cost_code,cost_type,gl_account,dimensions\n,,L,5110,\n,,M,5190,\n")
                .exchange()
                .expectStatus().value(status -> assertThat(status).isEqualTo(422))
                .expectBody()
                .jsonPath("$.rejections[0].row").isEqualTo(3)
                .jsonPath("$.rejections[0].reasons[0]").value(reason -> assertThat((String) reason).contains("blocked"));
        assertThat(h.rules.ruleSet(HarborRidge.TENANT).block().version()).isEqualTo(1);
    }

    @Test
    void fixingARuleThroughTheApiResolvesTheParkedDocument() {
        h.processor.process(Docs.requisition("9000300", line("r1", "04-200", "M", "100.00"))).block();

        client.get().uri(BASE + "/exceptions?status=PARKED").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].key").isEqualTo("harbor-ridge|REQUISITION|9000300")
                .jsonPath("$[0].reasons[0].code").isEqualTo("GL_ACCOUNT_BLOCKED")
                .jsonPath("$[0].projectNumber").isEqualTo("2024-001");

        client.put().uri(BASE + "/mapping/rule").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new RuleJson(null, "04-200", "M", "5120", Map.of()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.redrive.resolved[0]").isEqualTo("harbor-ridge|REQUISITION|9000300");

        assertThat(h.output.postingRequests).hasSize(1);
        client.get().uri(BASE + "/exceptions/REQUISITION/9000300").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RESOLVED");
        String job = client.post().uri(BASE + "/exceptions/redrive").exchange()
                .expectStatus().isAccepted()
                .expectBody(io.mlconnector.mapping.core.RedriveJobs.Job.class).returnResult().getResponseBody().id();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jobs.find("harbor-ridge", job).orElseThrow().status() != io.mlconnector.mapping.core.RedriveJobs.Status.DONE) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
        client.get().uri(BASE + "/redrives/{id}", job).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DONE").jsonPath("$.report.resolved.length()").isEqualTo(0);
        assertThat(h.output.postingRequests).hasSize(1);
    }

    @Test
    void projectRuleThroughTheApiGivesAFreeTextProjectItsBcValueAndResolvesItsParkedDocuments() {
        h.processor.process(Docs.document(io.mlconnector.events.SourceType.REQUISITION, "9000400",
                List.of(line("r1", "03-300", "S", "100.00"))).setProjectNumber("24-017 / Phase B").build()).block();
        client.get().uri(BASE + "/exceptions/REQUISITION/9000400").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reasons[0].code").isEqualTo("PROJECT_NOT_MAPPED");

        client.put().uri(BASE + "/mapping/rule").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new RuleJson("24-017 / Phase B", null, null, null, Map.of("PROJECT", "NOT-IN-BC")))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isEqualTo(422));
        client.put().uri(BASE + "/mapping/rule").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new RuleJson("24-017 / Phase B", null, null, null, Map.of("PROJECT", "2024-002")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.redrive.resolved[0]").isEqualTo("harbor-ridge|REQUISITION|9000400");

        assertThat(h.output.postingRequests).singleElement().satisfies(request -> assertThat(request.getLines())
                .allSatisfy(l -> assertThat(l.getDimensions()).contains(
                        new io.mlconnector.events.DimensionValue("PROJECT", "2024-002"))));
        String csv = client.get().uri(BASE + "/mapping/rules.csv").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("24-017 / Phase B,,,,PROJECT=2024-002\n");
        client.delete().uri(BASE + "/mapping/rule?project=24-017 / Phase B").exchange().expectStatus().isOk();
    }

    @Test
    void ruleOnAnAccountBcRefusesIsRejected() {
        client.put().uri(BASE + "/mapping/rule").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new RuleJson(null, "09-900", "L", "5100", Map.of()))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isEqualTo(422))
                .expectBody().jsonPath("$.rejections[0].reasons.length()").isEqualTo(2);
    }

    @Test
    void replaceDeleteAndVendorLinks() {
        client.put().uri(BASE + "/mapping/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(new RuleJson(null, null, "L", "5110", Map.of()),
                        new RuleJson("2024-001", "03-300", null, "5130", Map.of("PHASE", ""))))
                .exchange().expectStatus().isOk();
        client.delete().uri(BASE + "/mapping/rule?project=2024-001&costCode=03-300").exchange().expectStatus().isOk();
        client.delete().uri(BASE + "/mapping/rule?project=2024-001&costCode=03-300").exchange().expectStatus().isNotFound();
        assertThat(h.rules.ruleSet(HarborRidge.TENANT).block().rules()).hasSize(1);

        // links are vendor-sync's: the old write address says where to go, the list shows what vendor-sync published
        client.put().uri(BASE + "/mapping/vendor-links/3968031").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bcVendorNumber", "v1100")).exchange().expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                        .contains("PUT /vendor-sync/tenants/harbor-ridge/vendor-links/3968031"));
        h.admin.vendorLinkPublished(io.mlconnector.mapping.fixtures.Links.manual(3968031L, "V1100")).blockOptional();
        client.get().uri(BASE + "/mapping/vendor-links").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].procoreVendorId").isEqualTo(3968031)
                .jsonPath("$[0].bcVendorNumber").isEqualTo("V1100")
                .jsonPath("$[0].linkedBy").isEqualTo("MANUAL");
        client.get().uri(BASE + "/exceptions/REQUISITION/404").exchange().expectStatus().isNotFound();
    }
}
