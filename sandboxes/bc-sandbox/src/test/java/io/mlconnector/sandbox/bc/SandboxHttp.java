package io.mlconnector.sandbox.bc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A tiny JDK HTTP client for the sandbox's own tests (the bc-client module tests the real client). */
final class SandboxHttp {

    static final String TENANT = "7c1d2e3f-0000-4000-8000-00000000b001";
    static final String COMPANY = "5a1e0000-0000-4000-8000-0000000c0001";

    record Answer(int status, JsonNode json, Map<String, java.util.List<String>> headers) {
        String errorCode() {
            return json.path("error").path("code").asString();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final BcSandbox sandbox;
    String token;

    SandboxHttp(BcSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Answer token(String tenant, String clientId, String secret, String scope) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret)
                + "&scope=" + enc(scope);
        HttpRequest req = HttpRequest.newBuilder(URI.create(sandbox.loginBaseUrl() + "/" + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(req);
    }

    SandboxHttp login() throws Exception {
        token = token(TENANT, "harbor-ridge-bc-app", "bc-sandbox-secret", TokenIssuer.BC_SCOPE).json()
                .get("access_token").asString();
        return this;
    }

    Answer call(String method, String relative, String body, String... headers) throws Exception {
        return callEnv("Production", method, relative, body, headers);
    }

    Answer callEnv(String env, String method, String relative, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.apiBaseUrl() + "/v2.0/" + TENANT + "/" + env
                + "/api/v2.0/" + relative.replace(" ", "%20").replace("'", "%27")));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    private Answer send(HttpRequest req) throws Exception {
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode json = res.body().isBlank() ? Json.object() : Json.parse(res.body());
        return new Answer(res.statusCode(), json, res.headers().map());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
