package io.mlconnector.mapping.api;

import io.mlconnector.mapping.admin.MappingAdministration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The Procore vendor -> BC vendor links mapping-service resolves vendors with (they win over a document's
 * origin_id). Read-only here: vendor-sync owns the links, so a person links vendors through vendor-sync's API and
 * mapping-service learns of it from vendor.links (and re-drives what waited for it).
 */
@RestController
@RequestMapping("/api/tenants/{tenant}/mapping/vendor-links")
public class VendorLinksController {
    private final MappingAdministration admin;

    public VendorLinksController(MappingAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    public Mono<List<VendorLinkJson>> list(@PathVariable String tenant) {
        return admin.vendorLinks(tenant)
                .map(link -> new VendorLinkJson(link.getProcoreVendorId(), link.getBcVendorId(),
                        link.getBcVendorNumber(), link.getLinkedBy().name(), link.getActive()))
                .collectList();
    }

    /** Links moved to vendor-sync: say where, in words (410: this address will not take writes again). */
    @PutMapping("/{procoreVendorId}")
    public ResponseEntity<Map<String, String>> put(@PathVariable String tenant, @PathVariable String procoreVendorId) {
        return moved(tenant, procoreVendorId);
    }

    @DeleteMapping("/{procoreVendorId}")
    public ResponseEntity<Map<String, String>> delete(@PathVariable String tenant, @PathVariable String procoreVendorId) {
        return moved(tenant, procoreVendorId);
    }

    private static ResponseEntity<Map<String, String>> moved(String tenant, String procoreVendorId) {
        return ResponseEntity.status(HttpStatus.GONE).body(Map.of("message", "Vendor links are kept by vendor-sync"
                + " now: link the vendor with PUT /vendor-sync/tenants/" + tenant + "/vendor-links/" + procoreVendorId
                + " on vendor-sync, body {\"bcVendorNumber\":\"<BC vendor No.>\"}. Parked documents are re-driven"
                + " as soon as the link reaches mapping-service."));
    }
}
