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
import io.mlconnector.mapping.validation.BcReferenceData;
import io.mlconnector.mapping.validation.Problem;
import io.mlconnector.mapping.validation.RuleValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The use cases behind the management API. Every change is validated completely before anything is written
 * (a rule set is one Mongo document, so a save is all-or-nothing), and a successful change re-drives the
 * tenant's parked documents. Blocking: call off event loops.
 */
public final class MappingAdministration {
    private final MongoMappingRuleStore rules;
    private final MongoVendorLinkStore vendorLinks;
    private final MongoMappingExceptionStore exceptions;
    private final RuleValidator ruleValidator;
    private final BcReferenceData bc;
    private final ExceptionRedriver redriver;

    public MappingAdministration(MongoMappingRuleStore rules, MongoVendorLinkStore vendorLinks,
                                 MongoMappingExceptionStore exceptions, BcReferenceData bc, ExceptionRedriver redriver) {
        this.rules = rules;
        this.vendorLinks = vendorLinks;
        this.exceptions = exceptions;
        this.bc = bc;
        this.ruleValidator = new RuleValidator(bc);
        this.redriver = redriver;
    }

    public MappingRuleSet rules(String tenantId) {
        return rules.ruleSet(tenantId);
    }

    /** Replace the whole rule set. */
    public RuleChange replaceRules(String tenantId, List<MappingRule> newRules) {
        List<CsvRule> numbered = new ArrayList<>();
        for (int i = 0; i < newRules.size(); i++) {
            numbered.add(new CsvRule(i + 1, newRules.get(i)));
        }
        return save(tenantId, numbered);
    }

    /** CSV import: a bad row (format or BC validation) rejects the whole file and changes nothing. */
    public RuleChange importCsv(String tenantId, String csv) {
        return save(tenantId, MappingRulesCsv.parse(csv));
    }

    public String exportCsv(String tenantId) {
        return MappingRulesCsv.format(rules.ruleSet(tenantId).rules());
    }

    /** Add or replace the one rule with the same project / cost code / cost type. */
    public RuleChange putRule(String tenantId, MappingRule rule) {
        reject(List.of(new CsvRule(1, rule)), tenantId);
        MappingRuleSet saved = rules.update(tenantId, current -> {
            List<MappingRule> changed = new ArrayList<>(current.rules());
            changed.removeIf(existing -> existing.key().equals(rule.key()));
            changed.add(rule);
            return new MappingRuleSet(current.version(), changed);
        });
        return changed(tenantId, saved);
    }

    /** Delete the rule with this key; empty when there was none. */
    public Optional<RuleChange> deleteRule(String tenantId, String project, String costCode, String costType) {
        String key = new MappingRule(project, costCode, costType, null, List.of()).key();
        if (rules.ruleSet(tenantId).rules().stream().noneMatch(rule -> rule.key().equals(key))) {
            return Optional.empty();
        }
        MappingRuleSet saved = rules.update(tenantId, current -> new MappingRuleSet(current.version(),
                current.rules().stream().filter(rule -> !rule.key().equals(key)).toList()));
        return Optional.of(changed(tenantId, saved));
    }

    public List<VendorLink> vendorLinks(String tenantId) {
        return vendorLinks.list(tenantId);
    }

    /**
     * vendor-sync published a link (on vendor.links): keep it and, when what it resolves to changed, re-drive the
     * tenant's parked documents (those that waited for this vendor post now).
     *
     * @return the re-drive, or empty when the link was already known
     */
    public Optional<RedriveReport> vendorLinkPublished(VendorLink link) {
        if (!vendorLinks.apply(link)) {
            return Optional.empty();
        }
        if (bc.vendorById(link.getTenantId(), link.getBcVendorId()).isEmpty()) {
            bc.invalidate(link.getTenantId()); // linked to a vendor created in BC since the reference data was read
        }
        RedriveReport report = redriver.redriveTenant(link.getTenantId());
        vendorLinks.markRedriven(link.getTenantId(), link.getProcoreVendorId());
        return Optional.of(report);
    }

    /** vendor-sync removed a link (a tombstone on vendor.links). */
    public Optional<RedriveReport> vendorLinkRemoved(String tenantId, long procoreVendorId) {
        return vendorLinks.remove(tenantId, procoreVendorId)
                ? Optional.of(redriver.redriveTenant(tenantId)) : Optional.empty();
    }

    public List<StoredException> exceptions(String tenantId, Optional<String> status) {
        return exceptions.list(tenantId, status.map(s -> ExceptionState.valueOf(s.trim().toUpperCase(Locale.ROOT))));
    }

    public Optional<StoredException> exception(ExceptionKey key) {
        return exceptions.find(key);
    }

    public Optional<RedriveReport> redriveOne(ExceptionKey key) {
        return redriver.redriveOne(key);
    }

    public RedriveReport redriveAll(String tenantId) {
        return redriver.redriveTenant(tenantId);
    }

    private RuleChange save(String tenantId, List<CsvRule> numbered) {
        reject(numbered, tenantId);
        List<MappingRule> all = numbered.stream().map(CsvRule::rule).toList();
        duplicateCheck(numbered);
        return changed(tenantId, rules.replaceAll(tenantId, all));
    }

    private RuleChange changed(String tenantId, MappingRuleSet saved) {
        return new RuleChange(saved.version(), saved.rules().size(), redriver.redriveTenant(tenantId));
    }

    private void reject(List<CsvRule> numbered, String tenantId) {
        List<RuleRejection> rejections = new ArrayList<>();
        for (CsvRule candidate : numbered) {
            List<Problem> problems = ruleValidator.check(tenantId, candidate.rule());
            if (!problems.isEmpty()) {
                rejections.add(new RuleRejection(candidate.row(), candidate.rule().describe(),
                        problems.stream().map(Problem::message).toList()));
            }
        }
        if (!rejections.isEmpty()) {
            throw new RulesRejectedException(rejections);
        }
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
