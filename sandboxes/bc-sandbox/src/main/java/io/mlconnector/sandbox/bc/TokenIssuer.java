package io.mlconnector.sandbox.bc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Entra ID v2.0 token endpoint for the client-credentials grant (Entra: v2-oauth2-client-creds-grant-flow): success
 * {@code {token_type, expires_in, access_token}}, errors in Entra's JSON shape with AADSTS codes.
 */
final class TokenIssuer {

    static final String BC_SCOPE = "https://api.businesscentral.dynamics.com/.default";

    record IssuedToken(String tenantId, String clientId, Instant expiresAt) {
    }

    private final SandboxState state;
    private final BcSandboxOptions options;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> tokens = new HashMap<>();
    private int issued;

    TokenIssuer(SandboxState state, BcSandboxOptions options) {
        this.state = state;
        this.options = options;
        this.clock = options.clock();
    }

    synchronized Reply issue(String tenantId, String form) {
        Map<String, String> fields = parseForm(form);
        if (!state.tenantKnown(tenantId)) {
            return error(400, "invalid_request", 90002, "Tenant '" + tenantId + "' not found. Check to make sure you have"
                    + " the correct tenant ID and are signing into the correct cloud.");
        }
        if (!"client_credentials".equals(fields.get("grant_type"))) {
            return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
                    + fields.get("grant_type") + "'.");
        }
        String clientId = fields.get("client_id");
        DataLoader.App app = state.apps.stream()
                .filter(a -> a.tenantId().equalsIgnoreCase(tenantId) && a.clientId().equals(clientId))
                .findFirst().orElse(null);
        if (app == null) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenantId + "'.");
        }
        String secret = fields.get("client_secret");
        if (secret == null || secret.isEmpty()) {
            return error(400, "invalid_request", 7000218, "The request body must contain the following parameter:"
                    + " 'client_assertion' or 'client_secret'.");
        }
        if (!java.security.MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                app.clientSecret().getBytes(StandardCharsets.UTF_8))) {
            return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in"
                    + " the request is the client secret value, not the client secret ID, for a secret added to app '"
                    + clientId + "'.");
        }
        if (!BC_SCOPE.equals(fields.get("scope"))) {
            return error(400, "invalid_scope", 70011, "The provided request must include a 'scope' input parameter. The"
                    + " provided value for the input parameter 'scope' is not valid. The scope "
                    + fields.get("scope") + " is not valid.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "eyJ0eXAiOiJKV1QifQ.sbx." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long lifetime = options.tokenLifetime().toSeconds();
        tokens.put(token, new IssuedToken(tenantId.toLowerCase(), clientId, clock.instant().plusSeconds(lifetime)));
        issued++;
        ObjectNode body = Json.object();
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        body.put("access_token", token);
        return Reply.json(200, body);
    }

    /** The token's principal, or null when it is unknown, expired or for another tenant. */
    synchronized IssuedToken validate(String authorization, String tenantId) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        IssuedToken token = tokens.get(authorization.substring(7).trim());
        if (token == null || !clock.instant().isBefore(token.expiresAt())
                || !token.tenantId().equalsIgnoreCase(tenantId)) {
            return null;
        }
        return token;
    }

    synchronized void expireAll() {
        tokens.clear();
    }

    synchronized int issuedCount() {
        return issued;
    }

    private Reply error(int status, String error, int code, String description) {
        ObjectNode body = Json.object();
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + description + " Trace ID: " + trace
                + " Correlation ID: " + correlation + " Timestamp: " + clock.instant());
        body.putArray("error_codes").add(code);
        body.put("timestamp", clock.instant().toString());
        body.put("trace_id", trace);
        body.put("correlation_id", correlation);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return Reply.json(status, body);
    }

    static Map<String, String> parseForm(String form) {
        Map<String, String> fields = new HashMap<>();
        if (form == null) {
            return fields;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(key, value);
        }
        return fields;
    }
}
