package io.mlconnector.ingest.api;

import io.mlconnector.ingest.sync.IngestService;
import io.mlconnector.ingest.sync.SyncReport;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Sync on demand: {@code POST /api/tenants/{tenant}/sync?full=true} re-reads everything. */
@RestController
public class SyncController {

    private final IngestService ingest;

    public SyncController(IngestService ingest) {
        this.ingest = ingest;
    }

    @PostMapping("/api/tenants/{tenant}/sync")
    public Mono<Map<String, Object>> sync(@PathVariable String tenant, @RequestParam(defaultValue = "false") boolean full) {
        return ingest.syncTenant(tenant, full).map(SyncController::body);
    }

    private static Map<String, Object> body(SyncReport report) {
        return Map.of("tenant", report.tenantId(), "projects", report.projects(), "read", report.read(),
                "published", report.published(), "procoreCalls", report.procoreCalls());
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public Map<String, String> unknown(NoSuchElementException e) {
        return Map.of("error", e.getMessage());
    }
}
