package io.mlconnector.vendorsync.api;

import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.vendorsync.vendor.VendorSync;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /vendor-sync/tenants/{tenantId}/report}: the last full reconciliation (hand-made Procore vendors,
 * name clashes, refused rows). Internal: the chart exposes no ingress for it.
 */
public final class ReportRoutes {

    private final VendorSync vendors;
    private final TenantRegistry tenants;

    public ReportRoutes(VendorSync vendors, TenantRegistry tenants) {
        this.vendors = vendors;
        this.tenants = tenants;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/vendor-sync/tenants/{tenantId}/report", request -> {
                    String tenantId = request.pathVariable("tenantId");
                    if (tenants.byId(tenantId).isEmpty()) {
                        return ServerResponse.notFound().build();
                    }
                    return vendors.lastReconciliation(tenantId)
                            .map(r -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(r))
                            .orElseGet(() -> ServerResponse.noContent().build());
                })
                .build();
    }
}
