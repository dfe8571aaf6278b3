package io.mlconnector.mapping.api;

import io.mlconnector.events.SourceType;
import io.mlconnector.mapping.admin.MappingAdministration;
import io.mlconnector.mapping.core.RedriveReport;
import io.mlconnector.mapping.store.ExceptionKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The exceptions queue: parked documents with their reasons; re-drive one or all. */
@RestController
@RequestMapping("/api/tenants/{tenant}/exceptions")
public class ExceptionsController {
    private final MappingAdministration admin;

    public ExceptionsController(MappingAdministration admin) {
        this.admin = admin;
    }

    /** ?status=PARKED|RESOLVING|RESOLVED; all when absent. */
    @GetMapping
    public Mono<List<ExceptionJson>> list(@PathVariable String tenant, @RequestParam(required = false) String status) {
        return Blocking.call(() -> admin.exceptions(tenant, Optional.ofNullable(status)).stream()
                .map(ExceptionJson::of).toList());
    }

    @GetMapping("/{sourceType}/{sourceId}")
    public Mono<ResponseEntity<ExceptionJson>> one(@PathVariable String tenant, @PathVariable String sourceType,
                                                   @PathVariable String sourceId) {
        return Blocking.call(() -> admin.exception(key(tenant, sourceType, sourceId))
                .map(stored -> ResponseEntity.ok(ExceptionJson.of(stored)))
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @PostMapping("/{sourceType}/{sourceId}/redrive")
    public Mono<ResponseEntity<RedriveReport>> redriveOne(@PathVariable String tenant, @PathVariable String sourceType,
                                                          @PathVariable String sourceId) {
        return Blocking.call(() -> admin.redriveOne(key(tenant, sourceType, sourceId))
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @PostMapping("/redrive")
    public Mono<RedriveReport> redriveAll(@PathVariable String tenant) {
        return Blocking.call(() -> admin.redriveAll(tenant));
    }

    private static ExceptionKey key(String tenant, String sourceType, String sourceId) {
        return new ExceptionKey(tenant, SourceType.valueOf(sourceType.trim().toUpperCase(Locale.ROOT)), sourceId);
    }
}
