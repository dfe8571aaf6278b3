package io.mlconnector.mapping.api;

import io.mlconnector.mapping.admin.MappingAdministration;
import io.mlconnector.mapping.core.RedriveReport;
import io.mlconnector.mapping.rules.VendorLink;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Explicit Procore vendor -> BC vendor links (they win over the vendor's origin_id). */
@RestController
@RequestMapping("/api/tenants/{tenant}/mapping/vendor-links")
public class VendorLinksController {
    private final MappingAdministration admin;

    public VendorLinksController(MappingAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    public Mono<List<VendorLinkJson>> list(@PathVariable String tenant) {
        return Blocking.call(() -> admin.vendorLinks(tenant).stream()
                .map(link -> new VendorLinkJson(link.procoreVendorId(), link.bcVendorNumber()))
                .toList());
    }

    /** Body: {"bcVendorNumber":"V1010"}. */
    @PutMapping("/{procoreVendorId}")
    public Mono<RedriveReport> put(@PathVariable String tenant, @PathVariable long procoreVendorId,
                                   @RequestBody VendorLinkJson body) {
        return Blocking.call(() -> admin.putVendorLink(tenant, new VendorLink(procoreVendorId, body.bcVendorNumber())));
    }

    @DeleteMapping("/{procoreVendorId}")
    public Mono<ResponseEntity<RedriveReport>> delete(@PathVariable String tenant, @PathVariable long procoreVendorId) {
        return Blocking.call(() -> admin.deleteVendorLink(tenant, procoreVendorId)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }
}
