package io.mlconnector.sandbox.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox answers like BC where Microsoft's documentation says how: Entra errors, auth, OData rules, ETags. */
class SandboxBehaviourTest {

    private static final String C = "companies(" + SandboxHttp.COMPANY + ")/";
    private static BcSandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = BcSandbox.start(BcSandboxOptions.demo().toBuilder().maxPageSize(10).build());
        http = new SandboxHttp(sandbox).login();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void entraErrorsCarryTheirAadstsCodes() throws Exception {
        String t = SandboxHttp.TENANT;
        String scope = TokenIssuer.BC_SCOPE;
        assertThat(http.token(t, "harbor-ridge-bc-app", "wrong", scope).json().get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(http.token(t, "nobody", "x", scope).json().get("error_codes").get(0).asInt()).isEqualTo(700016);
        assertThat(http.token("00000000-0000-4000-8000-000000000000", "harbor-ridge-bc-app", "bc-sandbox-secret", scope)
                .json().get("error_codes").get(0).asInt()).isEqualTo(90002);
        assertThat(http.token(t, "harbor-ridge-bc-app", "bc-sandbox-secret", "https://graph.microsoft.com/.default")
                .json().get("error_codes").get(0).asInt()).isEqualTo(70011);
        SandboxHttp.Answer ok = http.token(t, "harbor-ridge-bc-app", "bc-sandbox-secret", scope);
        assertThat(ok.json().get("expires_in").asInt()).isEqualTo(3599);
        assertThat(ok.json().get("token_type").asString()).isEqualTo("Bearer");
    }

    @Test
    void missingTokenIs401AndUnknownEnvironmentIs404() throws Exception {
        SandboxHttp anonymous = new SandboxHttp(sandbox);
        SandboxHttp.Answer denied = anonymous.call("GET", "companies", null);
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.errorCode()).isEqualTo("Authentication_InvalidCredentials");
        assertThat(denied.json().get("error").get("message").asString()).matches(".*  CorrelationId:  [0-9a-f-]{36}\\.");
        assertThat(http.callEnv("Sandbox", "GET", "companies", null).status()).isEqualTo(404);
    }

    @Test
    void odataFilterRulesAndPaging() throws Exception {
        SandboxHttp.Answer or = http.call("GET", C + "vendors?$filter=number eq 'V1010' or displayName eq 'x'", null);
        assertThat(or.status()).isEqualTo(400);
        assertThat(or.json().get("error").get("message").asString())
                .startsWith("The 'OR' operator is not supported on distinct fields on an OData filter.");
        assertThat(http.call("GET", C + "vendors?$filter=number eq 'V1010' or number eq 'V1020'", null).json().get("value"))
                .hasSize(2);
        assertThat(http.call("GET", C + "accounts?$filter=accountType eq 'Posting' and blocked eq false and directPosting eq true"
                + " and category eq 'Cost of Goods Sold'", null).json().get("value")).hasSize(6);
        assertThat(http.call("GET", C + "vendors?$filter=lastModifiedDateTime gt 2026-08-16T00:00:00Z and"
                + " lastModifiedDateTime lt 2026-08-21T00:00:00Z", null).json().get("value")).singleElement()
                .satisfies(v -> assertThat(v.get("number").asString()).isEqualTo("V1300"));
        SandboxHttp.Answer page = http.call("GET", C + "vendors", null, "Prefer", "odata.maxpagesize=4");
        assertThat(page.json().get("value")).hasSize(4);
        assertThat(page.json().get("@odata.nextLink").asString()).contains("$skiptoken=4");
        assertThat(http.call("GET", C + "vendors", null).json().get("value")).as("server max page size").hasSize(10);
        assertThat(http.call("GET", C + "vendors?$top=3&$select=number", null).json().get("value").get(0).propertyNames())
                .containsExactlyInAnyOrder("@odata.etag", "number");
    }

    @Test
    void readOnlySetsAndConcurrencyTokens() throws Exception {
        SandboxHttp.Answer post = http.call("POST", C + "accounts", "{\"number\":\"9999\"}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.errorCode()).isEqualTo("BadRequest_MethodNotAllowed");
        String vendor = C + "vendors(8f3c2a10-0000-4000-a000-000000000002)";
        assertThat(http.call("PATCH", vendor, "{\"phoneNumber\":\"1\"}").errorCode()).isEqualTo("BadRequest_InvalidToken");
        String etag = http.call("GET", vendor, null).json().get("@odata.etag").asString();
        assertThat(http.call("PATCH", vendor, "{\"phoneNumber\":\"2\"}", "If-Match", etag).status()).isEqualTo(200);
        SandboxHttp.Answer stale = http.call("PATCH", vendor, "{\"phoneNumber\":\"3\"}", "If-Match", etag);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorCode()).isEqualTo("Request_EntityChanged");
        assertThat(http.call("PATCH", vendor, "{\"phoneNumber\":\"4\"}", "If-Match", "*").status()).isEqualTo(200);
        SandboxHttp.Answer tooLong = http.call("POST", C + "purchaseInvoices",
                "{\"vendorNumber\":\"V1010\",\"vendorInvoiceNumber\":\"" + "X".repeat(36) + "\"}");
        assertThat(tooLong.errorCode()).isEqualTo("Application_StringExceededLength");
        SandboxHttp.Answer noVendor = http.call("POST", C + "purchaseInvoices", "{\"vendorInvoiceNumber\":\"A\"}");
        assertThat(noVendor.json().get("error").get("message").asString())
                .startsWith("A \"vendorNumber\" or a \"vendorID\" must be provided.");
    }

    @Test
    void speedLimitAnswers429WithRetryAfter() throws Exception {
        try (BcSandbox limited = BcSandbox.start(BcSandboxOptions.demo().toBuilder().speedLimit(3, Duration.ofMinutes(5))
                .retryAfter(Duration.ofSeconds(7)).build())) {
            SandboxHttp h = new SandboxHttp(limited).login();
            for (int i = 0; i < 3; i++) {
                assertThat(h.call("GET", "companies", null).status()).isEqualTo(200);
            }
            SandboxHttp.Answer throttled = h.call("GET", "companies", null);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.headers().get("retry-after")).containsExactly("7");
        }
    }
}
