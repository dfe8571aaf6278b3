package io.mlconnector.sandbox.procore;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** Plain JDK HTTP calls against a running sandbox, so the tests exercise the wire, not the Java API. */
final class SandboxHttp {

    static final String CLIENT_ID = "harbor-ridge-procore";
    static final String SECRET = "procore-sandbox-secret";
    static final long COMPANY = 5001234L;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SandboxHttp() {
    }

    static Path demoData() {
        try {
            return Path.of(Objects.requireNonNull(SandboxHttp.class.getResource("/procore-demo-data/clients.json")).toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(ProcoreSandbox sandbox) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + SECRET))
                .build());
        return json(r).path("access_token").asString();
    }

    static HttpResponse<String> get(ProcoreSandbox sandbox, String token, String company, String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(sandbox, pathAndQuery)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (company != null) {
            b.header("Procore-Company-Id", company);
        }
        return send(b.build());
    }

    static HttpResponse<String> get(ProcoreSandbox sandbox, String token, String pathAndQuery) {
        return get(sandbox, token, Long.toString(COMPANY), pathAndQuery);
    }

    static HttpResponse<String> send(ProcoreSandbox sandbox, String token, String method, String pathAndQuery, String json) {
        return send(HttpRequest.newBuilder(uri(sandbox, pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .header("Procore-Company-Id", Long.toString(COMPANY))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Brackets in filter names must be percent-encoded on the wire; '+' in offsets too. */
    static URI uri(ProcoreSandbox sandbox, String pathAndQuery) {
        return URI.create(sandbox.baseUrl() + pathAndQuery.replace("[", "%5B").replace("]", "%5D").replace("+", "%2B"));
    }

    static JsonNode json(HttpResponse<String> r) {
        return SandboxJson.MAPPER.readTree(r.body());
    }
}
