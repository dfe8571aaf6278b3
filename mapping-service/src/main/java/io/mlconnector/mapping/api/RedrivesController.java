package io.mlconnector.mapping.api;

import io.mlconnector.mapping.core.RedriveJobs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where a re-drive started by {@code POST .../exceptions/.../redrive} is polled: RUNNING, then DONE with its report. */
@RestController
public class RedrivesController {
    private final RedriveJobs jobs;

    public RedrivesController(RedriveJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/tenants/{tenant}/redrives/{id}")
    public ResponseEntity<RedriveJobs.Job> one(@PathVariable String tenant, @PathVariable String id) {
        return jobs.find(tenant, id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
