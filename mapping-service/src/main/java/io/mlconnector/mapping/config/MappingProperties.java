package io.mlconnector.mapping.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mlc.mapping.*}. Example:
 * <pre>
 * mlc.mapping.reference-data-ttl=15m
 * mlc.mapping.bc-timeout=2m                 # longest wait for one reference-data read from BC
 * mlc.mapping.notification-retry-for=2m     # a BC change notification that cannot be applied is retried this long,
 *                                           # then dead-lettered (the reference data's TTL refreshes it anyway)
 * mlc.mapping.seed.harbor-ridge=demo-data/mapping/harbor-ridge.csv
 * </pre>
 * A tenant's policy accounts, journal batch, dimension codes and document treatments are not here: they live in
 * the tenants file ({@code postingPolicy}), read through the {@link io.mlconnector.tenant.TenantRegistry}.
 */
@ConfigurationProperties("mlc.mapping")
public record MappingProperties(
        Duration referenceDataTtl,
        Duration referenceDataMissRefresh,
        Duration redriveClaimTimeout,
        Duration bcTimeout,
        Duration notificationRetryFor,
        Map<String, String> seed) {

    public MappingProperties {
        referenceDataTtl = referenceDataTtl == null ? Duration.ofMinutes(15) : referenceDataTtl;
        referenceDataMissRefresh = referenceDataMissRefresh == null ? Duration.ofMinutes(1) : referenceDataMissRefresh;
        redriveClaimTimeout = redriveClaimTimeout == null ? Duration.ofMinutes(5) : redriveClaimTimeout;
        bcTimeout = positive("bc-timeout", bcTimeout, Duration.ofMinutes(2));
        notificationRetryFor = positive("notification-retry-for", notificationRetryFor, Duration.ofMinutes(2));
        seed = seed == null ? Map.of() : Map.copyOf(seed);
    }

    private static Duration positive(String key, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("mlc.mapping." + key + " is " + value
                    + "; set a positive duration such as " + fallback.toMinutes() + "m");
        }
        return value;
    }
}
