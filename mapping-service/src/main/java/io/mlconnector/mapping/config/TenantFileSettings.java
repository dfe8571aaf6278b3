package io.mlconnector.mapping.config;

import io.mlconnector.mapping.core.TenantMappingSettings;
import io.mlconnector.mapping.core.TenantSettingsProvider;
import io.mlconnector.mapping.policy.DocumentCategory;
import io.mlconnector.mapping.policy.PostingPolicy;
import io.mlconnector.mapping.policy.PostingTreatment;
import io.mlconnector.mapping.rules.DimensionCodes;
import io.mlconnector.mapping.rules.TenantAccounts;
import io.mlconnector.tenant.DocumentType;
import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.tenant.Treatment;
import java.util.EnumMap;
import java.util.Map;

/**
 * A tenant's mapping settings read from the one place they live: its {@code postingPolicy} in the tenants file
 * (validated there when the file is read, so a tenant missing an account its document types need never starts).
 */
public final class TenantFileSettings implements TenantSettingsProvider {

    private final TenantRegistry tenants;

    public TenantFileSettings(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    @Override
    public TenantMappingSettings forTenant(String tenantId) {
        Tenant tenant = tenants.byId(tenantId).orElseThrow(() -> new IllegalStateException("tenant '" + tenantId
                + "' is not in the tenants file: add it back (its documents wait on the topic until then)"));
        return of(tenant.postingPolicy());
    }

    /** The tenants file's policy in the mapping's terms. */
    public static TenantMappingSettings of(io.mlconnector.tenant.PostingPolicy policy) {
        var accounts = policy.accounts();
        var codes = policy.dimensionCodes();
        Map<DocumentCategory, PostingTreatment> treatments = new EnumMap<>(DocumentCategory.class);
        for (DocumentType type : DocumentType.values()) {
            treatments.put(DocumentCategory.valueOf(type.name()), treatment(policy.treatmentOf(type)));
        }
        return new TenantMappingSettings(
                new TenantAccounts(accounts.retainagePayable(), accounts.expenseClearing(), accounts.accruedPayroll(),
                        accounts.commitment(), accounts.commitmentContra(), accounts.contractValue(),
                        accounts.contractValueContra(), policy.journalBatch()),
                new DimensionCodes(codes.project(), codes.costCode(), codes.costType()),
                new PostingPolicy(treatments, policy.approvedStatuses()));
    }

    private static PostingTreatment treatment(Treatment treatment) {
        return treatment == Treatment.DO_NOT_POST ? PostingTreatment.SKIP : PostingTreatment.valueOf(treatment.name());
    }
}
