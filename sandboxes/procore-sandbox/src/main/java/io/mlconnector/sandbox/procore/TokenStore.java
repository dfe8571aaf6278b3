package io.mlconnector.sandbox.procore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Issued bearer tokens with their expiry, judged by the sandbox clock. */
final class TokenStore {

    record Issued(String clientId, Instant createdAt, Instant expiresAt) {
    }

    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger issuedCount = new AtomicInteger();
    private final Clock clock;
    private final Duration lifetime;

    TokenStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue(String clientId) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "sbx." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.put(token, new Issued(clientId, now, now.plus(lifetime)));
        issuedCount.incrementAndGet();
        return token;
    }

    /** The token's grant if it exists and has not expired. */
    Optional<Issued> valid(String token) {
        Issued issued = token == null ? null : tokens.get(token);
        if (issued == null || !clock.instant().isBefore(issued.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }

    void expireAll() {
        Instant past = clock.instant().minusSeconds(1);
        tokens.replaceAll((k, v) -> new Issued(v.clientId(), v.createdAt(), past));
    }

    Duration remaining(Issued issued) {
        return Duration.between(clock.instant(), issued.expiresAt());
    }

    int issuedCount() {
        return issuedCount.get();
    }

    Duration lifetime() {
        return lifetime;
    }
}
