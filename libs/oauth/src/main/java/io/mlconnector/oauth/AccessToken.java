package io.mlconnector.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A bearer token and the instant it stops being accepted. {@link #toString()} never shows the token. */
public record AccessToken(String value, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True when the token expires within {@code margin} of {@code now} (or has already expired). */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
