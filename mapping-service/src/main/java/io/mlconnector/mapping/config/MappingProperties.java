package io.mlconnector.mapping.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mlc.mapping.*}. Example:
 * <pre>
 * mlc.mapping.reference-data-ttl=15m
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
        Map<String, String> seed) {

    public MappingProperties {
        referenceDataTtl = referenceDataTtl == null ? Duration.ofMinutes(15) : referenceDataTtl;
        referenceDataMissRefresh = referenceDataMissRefresh == null ? Duration.ofMinutes(1) : referenceDataMissRefresh;
        redriveClaimTimeout = redriveClaimTimeout == null ? Duration.ofMinutes(5) : redriveClaimTimeout;
        seed = seed == null ? Map.of() : Map.copyOf(seed);
    }
}
