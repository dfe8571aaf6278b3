package io.mlconnector.mapping.admin;

import io.mlconnector.events.VendorLink;
import io.mlconnector.mapping.core.ExceptionRedriver;
import io.mlconnector.mapping.core.RedriveReport;
import io.mlconnector.mapping.csv.CsvRule;
import io.mlconnector.mapping.csv.MappingRulesCsv;
import io.mlconnector.mapping.rules.MappingRule;
import io.mlconnector.mapping.rules.MappingRuleSet;
import io.mlconnector.mapping.store.ExceptionKey;
import io.mlconnector.mapping.store.ExceptionState;
import io.mlconnector.mapping.store.MongoMappingExceptionStore;
import io.mlconnector.mapping.store.MongoMappingRuleStore;
import io.mlconnector.mapping.store.MongoVendorLinkStore;
import io.mlconnector.mapping.store.StoredException;
import io.mlconnector.mapping.validation.CachedBcReferenceData;
import io.mlconnector.mapping.validation.Problem;
import io.mlconnector.mapping.validation.RuleValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The use cases behind the management API. Every change is validated completely before anything is written
 * (a rule set is one Mongo document, so a save is all-or-nothing), and a successful change re-drives the
 * tenant's parked documents. Non-blocking: every use case is a Mono or Flux over the reactive stores.
 */
public final class MappingAdministration {
    private final MongoMappingRuleStore rules;
    private final MongoVendorLinkStore vendorLinks;
    private final MongoMappingExceptionStore exceptions;
    private final CachedBcReferenceData bc;
    private final ExceptionRedriver redriver;

    public MappingAdministration(MongoMappingRuleStore rules, MongoVendorLinkStore vendorLinks,
                                 MongoMappingExceptionStore exceptions, CachedBcReferenceData bc,
                                 ExceptionRedriver redriver) {
        this.rules = rules;
        this.vendorLinks = vendorLinks;
        this.exceptions = exceptions;
        this.bc = bc;
        this.redriver = redriver;
    }

    public Mono<MappingRuleSet> rules(String tenantId) {
        return rules.ruleSet(tenantId);
    }

    /** Replace the whole rule set. */
    public Mono<RuleChange> replaceRules(String tenantId, List<MappingRule> newRules) {
        return Mono.defer(() -> {
            List<CsvRule> numbered = new ArrayList<>();
            for (int i = 0; i < newRules.size(); i++) {
                numbered.add(new CsvRule(i + 1, newRules.get(i)));
            }
            return save(tenantId, numbered);
        });
    }

    /** CSV import: a bad row (format or BC validation) rejects the whole file and changes nothing. */
    public Mono<RuleChange> importCsv(String tenantId, String csv) {
        return Mono.defer(() -> save(tenantId, MappingRulesCsv.parse(csv)));
    }

    public Mono<String> exportCsv(String tenantId) {
        return rules.ruleSet(tenantId).map(set -> MappingRulesCsv.format(set.rules()));
    }

    /** Add or replace the one rule with the same project / cost code / cost type. */
    public Mono<RuleChange> putRule(String tenantId, MappingRule rule) {
        return reject(List.of(new CsvRule(1, rule)), tenantId)
                .then(rules.update(tenantId, current -> {
                    List<MappingRule> changed = new ArrayList<>(current.rules());
                    changed.removeIf(existing -> existing.key().equals(rule.key()));
                    changed.add(rule);
                    return new MappingRuleSet(current.version(), changed);
                }))
                .flatMap(saved -> changed(tenantId, saved));
    }

    /** Delete the rule with this key; empty when there was none. */
    public Mono<RuleChange> deleteRule(String tenantId, String project, String costCode, String costType) {
        return Mono.defer(() -> {
            String key = new MappingRule(project, costCode, costType, null, List.of()).key();
            return rules.ruleSet(tenantId)
                    .filter(set -> set.rules().stream().anyMatch(rule -> rule.key().equals(key)))
                    .flatMap(found -> rules.update(tenantId, current -> new MappingRuleSet(current.version(),
                            current.rules().stream().filter(rule -> !rule.key().equals(key)).toList())))
                    .flatMap(saved -> changed(tenantId, saved));
        });
    }

    public Flux<VendorLink> vendorLinks(String tenantId) {
        return vendorLinks.list(tenantId);
    }

    /**
     * vendor-sync published a link (on vendor.links): keep it and, when what it resolves to changed, re-drive the
     * tenant's parked documents (those that waited for this vendor post now).
     *
     * @return the re-drive, or empty when the link was already known
     */
    public Mono<RedriveReport> vendorLinkPublished(VendorLink link) {
        String tenantId = link.getTenantId();
        return vendorLinks.apply(link).filter(Boolean::booleanValue).flatMap(changed -> {
            if (bc.cached(tenantId).filter(known -> known.vendorById(link.getBcVendorId()).isEmpty()).isPresent()) {
                bc.invalidate(tenantId); // linked to a vendor created in BC since the reference data was read
            }
            return redriver.redriveTenant(tenantId)
                    .flatMap(report -> vendorLinks.markRedriven(tenantId, link.getProcoreVendorId()).thenReturn(report));
        });
    }

    /** vendor-sync removed a link (a tombstone on vendor.links); empty when there was no such link. */
    public Mono<RedriveReport> vendorLinkRemoved(String tenantId, long procoreVendorId) {
        return vendorLinks.remove(tenantId, procoreVendorId).filter(Boolean::booleanValue)
                .flatMap(removed -> redriver.redriveTenant(tenantId));
    }

    public Flux<StoredException> exceptions(String tenantId, Optional<String> status) {
        return Flux.defer(() -> exceptions.list(tenantId,
                status.map(s -> ExceptionState.valueOf(s.trim().toUpperCase(Locale.ROOT)))));
    }

    public Mono<StoredException> exception(ExceptionKey key) {
        return exceptions.find(key);
    }

    public Mono<RedriveReport> redriveOne(ExceptionKey key) {
        return redriver.redriveOne(key);
    }

    public Mono<RedriveReport> redriveAll(String tenantId) {
        return redriver.redriveTenant(tenantId);
    }

    private Mono<RuleChange> save(String tenantId, List<CsvRule> numbered) {
        return reject(numbered, tenantId)
                .then(Mono.defer(() -> {
                    duplicateCheck(numbered);
                    return rules.replaceAll(tenantId, numbered.stream().map(CsvRule::rule).toList());
                }))
                .flatMap(saved -> changed(tenantId, saved));
    }

    private Mono<RuleChange> changed(String tenantId, MappingRuleSet saved) {
        return redriver.redriveTenant(tenantId)
                .map(report -> new RuleChange(saved.version(), saved.rules().size(), report));
    }

    /** Checks every rule against the tenant's BC reference data; fails with all rejections, or completes. */
    private Mono<Void> reject(List<CsvRule> numbered, String tenantId) {
        return bc.withSnapshot(tenantId, view -> {
            RuleValidator ruleValidator = new RuleValidator(view);
            List<RuleRejection> rejections = new ArrayList<>();
            for (CsvRule candidate : numbered) {
                List<Problem> problems = ruleValidator.check(tenantId, candidate.rule());
                if (!problems.isEmpty()) {
                    rejections.add(new RuleRejection(candidate.row(), candidate.rule().describe(),
                            problems.stream().map(Problem::message).toList()));
                }
            }
            return rejections;
        }).flatMap(rejections -> rejections.isEmpty() ? Mono.<Void>empty()
                : Mono.error(new RulesRejectedException(rejections)));
    }
    private static void duplicateCheck(List<CsvRule> numbered) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (CsvRule candidate : numbered) {
            Integer earlier = seen.putIfAbsent(candidate.rule().key(), candidate.row());
            if (earlier != null) {
                throw new RulesRejectedException(List.of(new RuleRejection(candidate.row(), candidate.rule().describe(),
                        List.of("the same rule is already defined at row " + earlier))));
            }
        }
    }
}
