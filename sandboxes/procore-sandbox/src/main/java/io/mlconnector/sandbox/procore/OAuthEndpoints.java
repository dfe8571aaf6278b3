package io.mlconnector.sandbox.procore;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The login host: POST /oauth/token (client_credentials; form, JSON or multipart body, as the docs show all
 * three) and GET /oauth/token/info. No refresh_token is issued (Procore docs: oauth-client-credentials).
 */
final class OAuthEndpoints {

    private final SandboxData data;
    private final TokenStore tokens;

    OAuthEndpoints(SandboxData data, TokenStore tokens) {
        this.data = data;
        this.tokens = tokens;
    }

    ApiResponse handle(ApiRequest req) {
        if (req.path().equals("/oauth/token") && req.method().equals("POST")) {
            return token(req);
        }
        if (req.path().equals("/oauth/token/info") && req.method().equals("GET")) {
            return info(req);
        }
        throw ApiError.notFound("route " + req.path());
    }

    private ApiResponse token(ApiRequest req) {
        String grantType = field(req, "grant_type").orElse(null);
        String clientId = field(req, "client_id").orElse(null);
        String secret = field(req, "client_secret").orElse(null);
        if (!"client_credentials".equals(grantType)) {
            return oauthError(400, "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server.");
        }
        Optional<SandboxClient> client = Optional.ofNullable(clientId).flatMap(data::client);
        if (client.isEmpty() || secret == null || !constantTimeEquals(client.get().clientSecret(), secret)) {
            return oauthError(401, "invalid_client", "Client authentication failed due to unknown client, "
                    + "no client authentication included, or unsupported authentication method.");
        }
        String token = tokens.issue(client.get().clientId());
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("access_token", token);
        body.put("token_type", "bearer");
        body.put("expires_in", tokens.lifetime().toSeconds());
        body.put("created_at", tokens.valid(token).orElseThrow().createdAt().getEpochSecond());
        return ApiResponse.json(200, body);
    }

    /** Token info with the field names of Procore's spec (OauthTokenInfoGet: scopes, expires_in_seconds). */
    private ApiResponse info(ApiRequest req) {
        String token = req.header("authorization").filter(h -> h.length() > 7).map(h -> h.substring(7).trim()).orElse(null);
        Optional<TokenStore.Issued> grant = tokens.valid(token);
        if (grant.isEmpty()) {
            return oauthError(401, "invalid_token", "The access token is invalid");
        }
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.putNull("resource_owner_id");
        body.putArray("scopes");
        body.put("expires_in_seconds", tokens.remaining(grant.get()).toSeconds());
        body.putObject("application").put("uid", grant.get().clientId());
        body.put("created_at", grant.get().createdAt().getEpochSecond());
        return ApiResponse.json(200, body);
    }

    private static Optional<String> field(ApiRequest req, String name) {
        if (req.form().containsKey(name)) {
            return Optional.ofNullable(req.form().get(name));
        }
        String body = req.body();
        if (body != null && body.trim().startsWith("{")) {
            JsonNode json = req.jsonBody();
            return json.hasNonNull(name) ? Optional.of(json.get(name).asString()) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ApiResponse oauthError(int status, String error, String description) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return ApiResponse.json(status, body);
    }
}
