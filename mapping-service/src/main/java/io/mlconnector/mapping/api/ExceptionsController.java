package io.mlconnector.mapping.api;

import io.mlconnector.events.SourceType;
import io.mlconnector.mapping.admin.MappingAdministration;
import io.mlconnector.mapping.core.RedriveJobs;
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
    private final RedriveJobs jobs;

    public ExceptionsController(MappingAdministration admin, RedriveJobs jobs) {
        this.admin = admin;
        this.jobs = jobs;
    }

    /** ?status=PARKED|RESOLVING|RESOLVED; all when absent. */
    @GetMapping
    public Mono<List<ExceptionJson>> list(@PathVariable String tenant, @RequestParam(required = false) String status) {
        return admin.exceptions(tenant, Optional.ofNullable(status)).map(ExceptionJson::of).collectList();
    }

    @GetMapping("/{sourceType}/{sourceId}")
    public Mono<ResponseEntity<ExceptionJson>> one(@PathVariable String tenant, @PathVariable String sourceType,
                                                   @PathVariable String sourceId) {
        return Mono.defer(() -> admin.exception(key(tenant, sourceType, sourceId)))
                .map(stored -> ResponseEntity.ok(ExceptionJson.of(stored)))
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }

    /** 202 with the job to poll at {@code GET /api/tenants/{t}/redrives/{id}}; 404 when no such exception exists. */
    @PostMapping("/{sourceType}/{sourceId}/redrive")
    public Mono<ResponseEntity<RedriveJobs.Job>> redriveOne(@PathVariable String tenant, @PathVariable String sourceType,
                                                            @PathVariable String sourceId) {
        ExceptionKey key = key(tenant, sourceType, sourceId);
        return admin.exception(key)
                .map(found -> accepted(jobs.submit(tenant, key.id(),
                        () -> admin.redriveOne(key).defaultIfEmpty(RedriveReport.empty()))))
                .defaultIfEmpty(ResponseEntity.notFound().build());
    }

    /** 202 with the job to poll at {@code GET /api/tenants/{t}/redrives/{id}}. */
    @PostMapping("/redrive")
    public ResponseEntity<RedriveJobs.Job> redriveAll(@PathVariable String tenant) {
        return accepted(jobs.submit(tenant, "all parked documents", () -> admin.redriveAll(tenant)));
    }

    static ResponseEntity<RedriveJobs.Job> accepted(RedriveJobs.Job job) {
        return ResponseEntity.accepted()
                .location(java.net.URI.create("/api/tenants/" + job.tenantId() + "/redrives/" + job.id()))
                .body(job);
    }

    private static ExceptionKey key(String tenant, String sourceType, String sourceId) {
        return new ExceptionKey(tenant, SourceType.valueOf(sourceType.trim().toUpperCase(Locale.ROOT)), sourceId);
    }
}
