package io.mlconnector.poster.config;

import io.mlconnector.poster.posting.invoice.PostedNumberRead;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.poster.*}, checked at start. The BC client's shared settings are {@code mlc.bc.*}
 * ({@link io.mlconnector.service.config.BcApiProperties}); a tenant's accounts and batches are in the tenants file.
 *
 * @param journalCode      journal batch when a posting request names none; BC's batch name is a Code[10]
 * @param bcTimeout        longest wait for one BC step (BC's gateway gives up on a request after 10 minutes,
 *                         Microsoft Learn: "Operational limits for Business Central online")
 * @param maxAttempts      deliveries of a retryable posting before it is marked FAILED
 * @param postedNumberRead how the posted invoice or credit memo number is read: inside the post's {@code $batch}, or
 *                         with one GET after the post (for a BC that refuses the post action inside {@code $batch};
 *                         unconfirmed, hence an option)
 */
@ConfigurationProperties("mlc.poster")
public record PosterProperties(@DefaultValue("PROCORE") String journalCode,
                               @DefaultValue("10m") Duration bcTimeout,
                               @DefaultValue("6") int maxAttempts,
                               @DefaultValue("WITH_POST") PostedNumberRead postedNumberRead) {

    public PosterProperties {
        if (journalCode == null || journalCode.isBlank() || journalCode.length() > 10) {
            throw new IllegalArgumentException("mlc.poster.journal-code is '" + journalCode
                    + "'; set a BC journal batch name of 1 to 10 characters");
        }
        if (bcTimeout == null || bcTimeout.isNegative() || bcTimeout.isZero()) {
            throw new IllegalArgumentException("mlc.poster.bc-timeout is " + bcTimeout
                    + "; set a positive duration such as 10m");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mlc.poster.max-attempts is " + maxAttempts + "; set at least 1");
        }
    }
}
