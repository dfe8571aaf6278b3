package io.mlconnector.vendorsync.api;

import io.mlconnector.tenant.Tenant;
import io.mlconnector.tenant.TenantRegistry;
import io.mlconnector.vendorsync.vendor.LinkRequestOutcome;
import io.mlconnector.vendorsync.vendor.LinkRequestOutcome.Linked;
import io.mlconnector.vendorsync.vendor.LinkRequestOutcome.Refused;
import io.mlconnector.vendorsync.vendor.LinkedVendor;
import io.mlconnector.vendorsync.vendor.VendorSync;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The vendor links, where they are owned:
 * <pre>
 * GET /vendor-sync/tenants/{t}/vendor-links                     every link (Procore vendor → BC vendor)
 * PUT /vendor-sync/tenants/{t}/vendor-links/{procoreVendorId}   body {"bcVendorNumber":"V1010"}: a person links them
 * GET /vendor-sync/tenants/{t}/link-conflicts                   BC vendors waiting for a person to link them
 * </pre>
 * A link made here is written to Procore (origin_id), published on {@code vendor.links}, and mapping-service
 * re-drives the documents parked for want of it. Errors are {@code {"message": "..."}} saying what to do.
 * The sync's flows block nothing, so requests are served on the event loop.
 */
public final class VendorLinkRoutes {

    private static final String BASE = "/vendor-sync/tenants/{tenantId}";

    private final VendorSync vendors;
    private final TenantRegistry tenants;

    public VendorLinkRoutes(VendorSync vendors, TenantRegistry tenants) {
        this.vendors = vendors;
        this.tenants = tenants;
    }

    /** A link as the API shows it. */
    public record LinkJson(long procoreVendorId, String bcVendorId, String bcVendorNumber, String linkedBy,
                           boolean active, boolean bcVendorDeleted) {
        static LinkJson of(LinkedVendor link) {
            return new LinkJson(link.procoreVendorId(), link.bcVendorId().toString(), link.bcVendorNumber(),
                    link.linkedBy().name(), link.active(), link.deletedInBc());
        }
    }

    /** The PUT body. */
    public record LinkRequest(String bcVendorNumber) {
    }

    /** The PUT answer: the link and, in words, what happened. */
    public record LinkAnswer(LinkJson link, String previousBcVendorNumber, boolean changed, String message) {
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(BASE + "/vendor-links", request -> withTenant(request, tenant ->
                        vendors.links(tenant.id()).map(LinkJson::of).collectList().flatMap(VendorLinkRoutes::ok)))
                .PUT(BASE + "/vendor-links/{procoreVendorId}", request -> withTenant(request, tenant ->
                        put(request, tenant)))
                .GET(BASE + "/link-conflicts", request -> withTenant(request, tenant ->
                        ok(vendors.linkConflicts(tenant.id()))))
                .build();
    }

    private Mono<ServerResponse> put(ServerRequest request, Tenant tenant) {
        long procoreVendorId;
        try {
            procoreVendorId = Long.parseLong(request.pathVariable("procoreVendorId"));
        } catch (NumberFormatException e) {
            return error(HttpStatus.BAD_REQUEST, "'" + request.pathVariable("procoreVendorId")
                    + "' is not a Procore vendor id; use the number shown in Procore's company Directory.");
        }
        return request.bodyToMono(LinkRequest.class)
                .onErrorResume(e -> Mono.just(new LinkRequest(null)))
                .defaultIfEmpty(new LinkRequest(null))
                .flatMap(body -> {
                    if (body.bcVendorNumber() == null || body.bcVendorNumber().isBlank()) {
                        return error(HttpStatus.BAD_REQUEST, "Send the BC vendor number as JSON:"
                                + " {\"bcVendorNumber\":\"V1010\"}.");
                    }
                    return vendors.link(tenant, procoreVendorId, body.bcVendorNumber())
                            .flatMap(outcome -> answer(procoreVendorId, outcome));
                });
    }

    private static Mono<ServerResponse> answer(long procoreVendorId, LinkRequestOutcome outcome) {
        if (outcome instanceof Linked linked) {
            LinkedVendor link = linked.link();
            String message = linked.changed()
                    ? "Procore vendor " + procoreVendorId + " is now linked to BC vendor " + link.bcVendorNumber()
                            + linked.previousBcVendorNumber().map(p -> " (instead of " + p + ")").orElse("")
                            + ". Documents parked for want of this link are re-driven by mapping-service."
                    : "Procore vendor " + procoreVendorId + " was already linked to BC vendor " + link.bcVendorNumber()
                            + "; parked documents of this vendor are re-driven again.";
            return ok(new LinkAnswer(LinkJson.of(link), linked.previousBcVendorNumber().orElse(null),
                    linked.changed(), message));
        }
        Refused refused = (Refused) outcome;
        HttpStatus status = switch (refused.reason()) {
            case UNKNOWN_PROCORE_VENDOR -> HttpStatus.NOT_FOUND;
            case UNKNOWN_BC_VENDOR -> HttpStatus.valueOf(422);
            case BC_VENDOR_LINKED_ELSEWHERE -> HttpStatus.CONFLICT;
            case PROCORE_REFUSED -> HttpStatus.BAD_GATEWAY;
        };
        return error(status, refused.message());
    }

    private Mono<ServerResponse> withTenant(ServerRequest request, Function<Tenant, Mono<ServerResponse>> handler) {
        String tenantId = request.pathVariable("tenantId");
        Optional<Tenant> tenant = tenants.byId(tenantId);
        return tenant.map(handler).orElseGet(() -> error(HttpStatus.NOT_FOUND,
                "No tenant '" + tenantId + "' in this deployment's tenants file."));
    }

    private static Mono<ServerResponse> ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Mono<ServerResponse> error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("message", message));
    }
}
