package io.mlconnector.mapping.api;

import io.mlconnector.mapping.admin.MappingAdministration;
import io.mlconnector.mapping.admin.RuleChange;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Mapping rules of a tenant: JSON and CSV. Every successful change re-drives the tenant's parked documents. */
@RestController
@RequestMapping("/api/tenants/{tenant}/mapping")
public class MappingRulesController {
    public static final String TEXT_CSV = "text/csv";

    private final MappingAdministration admin;

    public MappingRulesController(MappingAdministration admin) {
        this.admin = admin;
    }

    @GetMapping(path = "/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<RuleSetJson> rules(@PathVariable String tenant) {
        return admin.rules(tenant)
                .map(set -> new RuleSetJson(tenant, set.version(), set.rules().stream().map(RuleJson::of).toList()));
    }

    /** Replace the whole rule set. */
    @PutMapping(path = "/rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<RuleChange> replace(@PathVariable String tenant, @RequestBody List<RuleJson> rules) {
        return Detached.run(Mono.defer(() -> admin.replaceRules(tenant, rules.stream().map(RuleJson::toRule).toList())));
    }

    /** Add or replace the one rule with the body's project / cost code / cost type. */
    @PutMapping(path = "/rule", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<RuleChange> put(@PathVariable String tenant, @RequestBody RuleJson rule) {
        return Detached.run(Mono.defer(() -> admin.putRule(tenant, rule.toRule())));
    }

    @DeleteMapping("/rule")
    public Mono<ResponseEntity<RuleChange>> delete(@PathVariable String tenant,
                                                   @RequestParam(required = false) String project,
                                                   @RequestParam(required = false) String costCode,
                                                   @RequestParam(required = false) String costType) {
        return Detached.run(admin.deleteRule(tenant, project, costCode, costType)
                .map(ResponseEntity::ok)
                .defaultIfEmpty(ResponseEntity.notFound().build()));
    }

    @GetMapping(path = "/rules.csv", produces = TEXT_CSV)
    public Mono<String> exportCsv(@PathVariable String tenant) {
        return admin.exportCsv(tenant);
    }

    /** Replace the whole rule set from CSV; a bad row rejects the file and changes nothing. */
    @PostMapping(path = "/rules.csv", consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE})
    public Mono<RuleChange> importCsv(@PathVariable String tenant, @RequestBody String csv) {
        return Detached.run(admin.importCsv(tenant, csv));
    }
}
