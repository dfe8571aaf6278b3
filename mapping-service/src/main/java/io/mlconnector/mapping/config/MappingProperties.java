package io.mlconnector.mapping.config;

import io.mlconnector.mapping.core.TenantMappingSettings;
import io.mlconnector.mapping.core.TenantSettingsProvider;
import io.mlconnector.mapping.policy.DocumentCategory;
import io.mlconnector.mapping.policy.PostingPolicy;
import io.mlconnector.mapping.policy.PostingTreatment;
import io.mlconnector.mapping.rules.DimensionCodes;
import io.mlconnector.mapping.rules.TenantAccounts;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mlc.mapping.*}. Example:
 * <pre>
 * mlc.mapping.reference-data-ttl=15m
 * mlc.mapping.tenants.harbor-ridge.accounts.retainage-payable=2120
 * mlc.mapping.tenants.harbor-ridge.dimension-codes.cost-code=JOBTASK
 * mlc.mapping.tenants.harbor-ridge.policy.COMMITMENT=SKIP
 * mlc.mapping.seed.harbor-ridge=demo-data/mapping/harbor-ridge.csv
 * </pre>
 */
@ConfigurationProperties("mlc.mapping")
public record MappingProperties(
        Duration referenceDataTtl,
        Duration referenceDataMissRefresh,
        Duration redriveClaimTimeout,
        String mongoUri,
        String mongoDatabase,
        Map<String, TenantProperties> tenants,
        Map<String, String> seed) {

    public MappingProperties {
        referenceDataTtl = referenceDataTtl == null ? Duration.ofMinutes(15) : referenceDataTtl;
        referenceDataMissRefresh = referenceDataMissRefresh == null ? Duration.ofMinutes(1) : referenceDataMissRefresh;
        redriveClaimTimeout = redriveClaimTimeout == null ? Duration.ofMinutes(5) : redriveClaimTimeout;
        mongoUri = mongoUri == null ? "mongodb://localhost:27017" : mongoUri;
        mongoDatabase = mongoDatabase == null ? "mlconnector" : mongoDatabase;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        seed = seed == null ? Map.of() : Map.copyOf(seed);
    }

    public record TenantProperties(TenantAccounts accounts, DimensionCodes dimensionCodes,
                                   Map<DocumentCategory, PostingTreatment> policy) {
        TenantMappingSettings settings() {
            return new TenantMappingSettings(accounts, dimensionCodes,
                    policy == null ? PostingPolicy.DEFAULTS : new PostingPolicy(policy));
        }
    }

    public TenantSettingsProvider settingsProvider() {
        return tenantId -> {
            TenantProperties configured = tenants.get(tenantId);
            return configured == null ? TenantMappingSettings.DEFAULTS : configured.settings();
        };
    }
}
