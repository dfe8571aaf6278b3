package io.mlconnector.sandbox.procore;

import static io.mlconnector.sandbox.procore.SandboxHttp.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Guards the gate every Procore call passes: token grant encodings, bearer expiry, company header rules. */
class ProcoreAuthAndHeadersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private ProcoreSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = ProcoreSandbox.start(ProcoreSandboxOptions.defaults(demoData()).withClock(clock));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void tokenGrantAcceptsFormJsonAndMultipartAndIssuesNoRefreshToken() {
        URI uri = URI.create(sandbox.baseUrl() + "/oauth/token");
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + CLIENT_ID
                        + "&client_secret=" + SECRET)).build());
        HttpResponse<String> json = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\",\"client_id\":\""
                        + CLIENT_ID + "\",\"client_secret\":\"" + SECRET + "\"}")).build());
        String boundary = "sbx-boundary";
        StringBuilder multipart = new StringBuilder();
        for (String[] f : new String[][] {{"grant_type", "client_credentials"}, {"client_id", CLIENT_ID}, {"client_secret", SECRET}}) {
            multipart.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f[0])
                    .append("\"\r\n\r\n").append(f[1]).append("\r\n");
        }
        multipart.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> multi = send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart.toString())).build());

        for (HttpResponse<String> r : java.util.List.of(form, json, multi)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = json(r);
            assertThat(body.path("token_type").asString()).isEqualTo("bearer");
            assertThat(body.path("expires_in").asLong()).isEqualTo(5400);
            assertThat(body.path("created_at").asLong()).isEqualTo(clock.instant().getEpochSecond());
            assertThat(body.has("refresh_token")).isFalse();
        }
    }

    @Test
    void wrongSecretIsInvalidClient() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + CLIENT_ID
                        + "&client_secret=nope")).build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void missingUnknownAndExpiredTokensAre401() {
        assertThat(get(sandbox, null, "/rest/v1.0/companies").statusCode()).isEqualTo(401);
        assertThat(get(sandbox, "made-up", "/rest/v1.0/companies").statusCode()).isEqualTo(401);
        String token = token(sandbox);
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(5399));
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> expired = get(sandbox, token, "/rest/v1.0/companies");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).path("message").asString()).isEqualTo("The access token is invalid");
    }

    @Test
    void expireAllTokensFaultInvalidatesIssuedTokens() {
        String token = token(sandbox);
        sandbox.faults().expireAllTokens();
        assertThat(get(sandbox, token, "/rest/v1.0/companies").statusCode()).isEqualTo(401);
    }

    @Test
    void companyHeaderIsRequiredAndMustBeAnInstalledCompany() {
        String token = token(sandbox);
        HttpResponse<String> missing = get(sandbox, token, null, "/rest/v1.0/companies");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Missing Procore-Company-Id header!");

        HttpResponse<String> other = get(sandbox, token, "5009999", "/rest/v1.0/companies");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("App is not connected to this company");

        HttpResponse<String> mismatch = get(sandbox, token, "/rest/v1.1/projects?company_id=5009999&filters[by_status]=All");
        assertThat(mismatch.statusCode()).isEqualTo(400);
    }

    @Test
    void companiesListsOnlyInstalledCompanies() {
        HttpResponse<String> r = get(sandbox, token(sandbox), "/rest/v1.0/companies");
        assertThat(json(r).size()).isEqualTo(1);
        assertThat(json(r).get(0).path("name").asString()).isEqualTo("Harbor Ridge Builders, Inc.");
    }

    @Test
    void tokenInfoDescribesTheBearer() {
        String token = token(sandbox);
        HttpResponse<String> r = get(sandbox, token, null, "/oauth/token/info");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("application").path("uid").asString()).isEqualTo(CLIENT_ID);
        assertThat(json(r).path("expires_in_seconds").asLong()).isEqualTo(5400);
    }
}
