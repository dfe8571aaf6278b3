package io.mlconnector.mapping.core;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.events.DimensionValue;
import io.mlconnector.events.ExceptionStatus;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.MappingProblem;
import io.mlconnector.events.PostingLine;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.VendorRef;
import io.mlconnector.mapping.core.MappingOutcome.Mapped;
import io.mlconnector.mapping.core.MappingOutcome.Parked;
import io.mlconnector.mapping.core.MappingOutcome.Skipped;
import io.mlconnector.mapping.policy.Descriptions;
import io.mlconnector.mapping.policy.DocumentCategory;
import io.mlconnector.mapping.policy.LineNeeds;
import io.mlconnector.mapping.policy.MappedLine;
import io.mlconnector.schemas.Money;
import io.mlconnector.mapping.policy.PlannedLine;
import io.mlconnector.mapping.policy.PostingEligibility;
import io.mlconnector.mapping.policy.PostingInput;
import io.mlconnector.mapping.policy.PostingKeys;
import io.mlconnector.mapping.policy.PostingPlan;
import io.mlconnector.mapping.policy.PostingStrategies;
import io.mlconnector.mapping.policy.PostingStrategy;
import io.mlconnector.mapping.policy.PostingTreatment;
import io.mlconnector.mapping.policy.TenantAccountUse;
import io.mlconnector.bc.DimensionAssignment;
import io.mlconnector.mapping.rules.MappingRule;
import io.mlconnector.mapping.rules.MappingRuleSet;
import io.mlconnector.bc.BcVendor;
import io.mlconnector.mapping.validation.Problem;
import io.mlconnector.mapping.validation.ProblemCode;
import io.mlconnector.mapping.validation.ReferenceValidator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cost document -> posting request, or every reason it cannot post yet, or why it is not posted at all.
 *
 * <p>Pure: it works on what it is given ({@link MappingInputs}: the tenant's rules, the vendor's link, an in-memory
 * view of BC's reference data) and the tenants file's settings; it reads no store, calls nothing, publishes nothing
 * and stores nothing ({@link DocumentMapping} gathers the inputs, {@link CostDocumentProcessor} acts on the outcome).
 */
public final class CostDocumentMapper {
    private final TenantSettingsProvider settings;
    private final PostingStrategies strategies;
    private final Clock clock;

    public CostDocumentMapper(TenantSettingsProvider settings, PostingStrategies strategies, Clock clock) {
        this.settings = settings;
        this.strategies = strategies;
        this.clock = clock;
    }

    /**
     * What the document comes to without looking at rules, links or BC: skipped (not eligible, or the tenant's
     * policy does not post its kind) or parked as a document this version cannot post. Empty when it needs mapping.
     */
    public Optional<MappingOutcome> decidedWithoutInputs(CostDocument document) {
        return plan(document).outcome;
    }

    /** Maps the document with the inputs gathered for it. */
    public MappingOutcome map(CostDocument document, MappingInputs inputs) {
        Decision decision = plan(document);
        if (decision.outcome.isPresent()) {
            return decision.outcome.get();
        }
        return mapWith(document, decision.category, decision.tenant, decision.strategy, inputs);
    }

    /** Either an outcome already, or the category, tenant settings and strategy to map with. */
    private record Decision(Optional<MappingOutcome> outcome, DocumentCategory category, TenantMappingSettings tenant,
                            PostingStrategy strategy) {
        static Decision decided(MappingOutcome outcome) {
            return new Decision(Optional.of(outcome), null, null, null);
        }
    }

    private Decision plan(CostDocument document) {
        Optional<String> skipReason = PostingEligibility.skipReason(document);
        if (skipReason.isPresent()) {
            return Decision.decided(new Skipped(skipReason.get()));
        }
        Optional<DocumentCategory> category = DocumentCategory.of(document);
        if (category.isEmpty()) {
            Optional<String> notApproved = PostingEligibility.statusReason(document);
            if (notApproved.isPresent()) {
                return Decision.decided(new Skipped(notApproved.get()));
            }
            return Decision.decided(park(document, Set.of(Problem.document(ProblemCode.UNSUPPORTED_DOCUMENT,
                    "This connector version cannot post a " + document.getSourceType() + " document"
                            + (document.getDirectCostType() == null ? "" : " of direct cost type '"
                            + document.getDirectCostType() + "'") + ". It is kept here until an upgrade can."))));
        }
        TenantMappingSettings tenant = settings.forTenant(document.getTenantId());
        Optional<String> notApproved = PostingEligibility.statusReason(document, category.get(),
                tenant.policy().approvedStatusesFor(category.get()));
        if (notApproved.isPresent()) {
            return Decision.decided(new Skipped(notApproved.get()));
        }
        PostingTreatment treatment = tenant.policy().treatmentFor(category.get());
        Optional<PostingStrategy> strategy = strategies.forTreatment(treatment);
        if (strategy.isEmpty()) {
            return Decision.decided(new Skipped("the tenant's posting policy does not post " + category.get().label() + "s"));
        }
        return new Decision(Optional.empty(), category.get(), tenant, strategy.get());
    }

    private MappingOutcome mapWith(CostDocument document, DocumentCategory category, TenantMappingSettings tenant,
                                   PostingStrategy strategy, MappingInputs inputs) {
        ReferenceValidator validator = new ReferenceValidator(inputs.bc());
        Set<Problem> problems = new LinkedHashSet<>();
        String tenantId = document.getTenantId();
        List<CostDocumentLine> postable = document.getLines().stream()
                .filter(line -> !Money.isZero(line.getAmount()))
                .toList();
        checkDocument(document, postable, problems);

        MappingRuleSet ruleSet = inputs.ruleSet();
        LineDimensions dimensions = new LineDimensions(validator, tenantId, ruleSet, tenant.dimensionCodes(),
                blankToNull(document.getProjectNumber()));
        List<DimensionAssignment> projectDimensions = dimensions.projectDimensions(problems);
        List<MappedLine> mappedLines = new ArrayList<>();
        for (CostDocumentLine line : postable) {
            mappedLines.add(mapLine(document, line, strategy.lineNeeds(), ruleSet, dimensions, validator, problems));
        }
        PostingInput input = new PostingInput(document, category, mappedLines, projectDimensions, tenant.accounts());
        for (TenantAccountUse use : strategy.tenantAccounts(input)) {
            problems.addAll(validator.checkAccount(tenantId, use.accountNumber(), use.role(), null));
        }
        Optional<BcVendor> vendor = Optional.empty();
        if (strategy.needsVendor()) {
            VendorRef procoreVendor = document.getVendor();
            var resolution = validator.resolveVendor(tenantId, procoreVendor,
                    procoreVendor == null ? Optional.empty() : inputs.vendorLink());
            problems.addAll(resolution.problems());
            vendor = resolution.vendor();
        }
        if (!problems.isEmpty()) {
            return park(document, problems);
        }
        PostingPlan plan = strategy.plan(input);
        return new Mapped(postingRequest(document, category, plan, vendor));
    }

    private static void checkDocument(CostDocument document, List<CostDocumentLine> postable, Set<Problem> problems) {
        if (postable.isEmpty()) {
            problems.add(Problem.document(ProblemCode.EMPTY_DOCUMENT, "The document has no lines with an amount;"
                    + " there is nothing to post. Add lines in Procore or void the document."));
        }
        BigDecimal linesTotal = Money.of(document.getLines().stream()
                .map(CostDocumentLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
        if (!document.getLines().isEmpty() && linesTotal.compareTo(Money.of(document.getTotalAmount())) != 0) {
            problems.add(Problem.document(ProblemCode.DOCUMENT_TOTAL_MISMATCH, "The lines add up to " + linesTotal
                    + " but the document total is " + Money.of(document.getTotalAmount())
                    + "; the connector will not post a document whose lines and total disagree."));
        }
        if (document.getProjectNumber() == null || document.getProjectNumber().isBlank()) {
            problems.add(Problem.document(ProblemCode.PROJECT_NUMBER_MISSING, "Project " + document.getProjectId()
                    + " has no project number in Procore; the PROJECT dimension needs one."));
        }
    }

    private MappedLine mapLine(CostDocument document, CostDocumentLine line, LineNeeds needs, MappingRuleSet ruleSet,
                               LineDimensions lineDimensions, ReferenceValidator validator, Set<Problem> problems) {
        String project = blankToNull(document.getProjectNumber());
        String costCode = line.getCostCode() == null ? null : blankToNull(line.getCostCode().getFullCode());
        String costType = line.getCostType() == null ? null : blankToNull(line.getCostType().getCode());
        String label = lineLabel(line);
        boolean needsAccount = needs == LineNeeds.COST_ACCOUNT_AND_DIMENSIONS;
        if (needsAccount && costCode == null) {
            problems.add(new Problem(ProblemCode.COST_CODE_MISSING, "The line " + quoted(line)
                    + " has no cost code; set one in Procore.", line.getLineId()));
        }
        if (needsAccount && costType == null) {
            problems.add(new Problem(ProblemCode.COST_TYPE_MISSING, "The line with " + label
                    + " has no cost type; set one in Procore.", line.getLineId()));
        }
        Optional<MappingRule> rule = ruleSet.resolve(project, costCode, costType);
        String account = null;
        if (needsAccount && costCode != null && costType != null) {
            if (rule.isEmpty() || rule.get().unmapped()) {
                problems.add(new Problem(ProblemCode.COST_CODE_NOT_MAPPED, notMappedMessage(line, project, rule),
                        line.getLineId()));
            } else {
                account = rule.get().glAccount();
                problems.addAll(validator.checkAccount(document.getTenantId(), account,
                        "mapped for " + label + " by the rule for " + rule.get().describe(), line.getLineId()));
            }
        }
        List<DimensionAssignment> dimensions = lineDimensions.lineDimensions(rule, costCode, costType, label,
                line.getLineId(), problems);
        return new MappedLine(line, account, dimensions);
    }

    private static String notMappedMessage(CostDocumentLine line, String project, Optional<MappingRule> marker) {
        String costCodeName = line.getCostCode().getName();
        String text = "Cost code " + line.getCostCode().getFullCode()
                + (costCodeName == null ? "" : " (" + costCodeName + ")")
                + " with cost type " + line.getCostType().getCode()
                + " has no G/L account in the mapping for project " + (project == null ? "(none)" : project) + ".";
        if (marker.isPresent()) {
            text += " The rule for " + marker.get().describe() + " marks it as deliberately unmapped.";
        }
        return text + " Add a mapping rule for it.";
    }

    private static String lineLabel(CostDocumentLine line) {
        StringBuilder label = new StringBuilder();
        if (line.getCostCode() != null) {
            label.append("cost code ").append(line.getCostCode().getFullCode());
            if (line.getCostCode().getName() != null) label.append(" (").append(line.getCostCode().getName()).append(")");
        } else {
            label.append("no cost code");
        }
        if (line.getCostType() != null) {
            label.append(", cost type ").append(line.getCostType().getCode());
        }
        return label.toString();
    }

    private static String quoted(CostDocumentLine line) {
        return line.getDescription() == null ? line.getLineId() : "'" + line.getDescription() + "'";
    }

    private PostingRequest postingRequest(CostDocument document, DocumentCategory category, PostingPlan plan,
                                          Optional<BcVendor> vendor) {
        LocalDate documentDate = document.getDocumentDate() != null
                ? document.getDocumentDate()
                // Procore always dates approved cost documents; the observation date is a safe fallback.
                : LocalDate.ofInstant(document.getObservedAt(), ZoneOffset.UTC);
        return PostingRequest.newBuilder()
                .setTenantId(document.getTenantId())
                .setPostingKey(PostingKeys.of(document.getTenantId(), document.getSourceType(),
                        document.getSourceId(), document.getContentRevision()))
                .setSourceType(document.getSourceType())
                .setSourceId(document.getSourceId())
                .setContentRevision(document.getContentRevision())
                .setDocumentKind(plan.kind())
                .setVendorId(vendor.map(v -> v.id().toString()).orElse(null))
                .setVendorNumber(vendor.map(BcVendor::number).orElse(null))
                .setDocumentNumber(document.getNumber())
                .setVendorInvoiceNumber(document.getVendorInvoiceNumber())
                .setDocumentDate(documentDate)
                .setPostingDate(documentDate)
                .setDescription(description(document, category))
                .setCurrency(document.getCurrency())
                .setJournalCode(plan.journalCode())
                .setLines(plan.lines().stream().map(CostDocumentMapper::postingLine).toList())
                .setTotalAmount(plan.total())
                .setRequestedAt(clock.instant())
                .build();
    }

    private static PostingLine postingLine(PlannedLine line) {
        return PostingLine.newBuilder()
                .setSourceLineId(line.sourceLineId())
                .setDescription(line.description())
                .setAccountNumber(line.accountNumber())
                .setBalancingAccountNumber(line.balancingAccountNumber())
                .setAmount(Money.of(line.amount()))
                .setDimensions(line.dimensions().stream()
                        .map(d -> new DimensionValue(d.code(), d.valueCode()))
                        .toList())
                .build();
    }

    private static String description(CostDocument document, DocumentCategory category) {
        StringBuilder text = new StringBuilder("Procore ").append(category.label());
        if (document.getNumber() != null) text.append(' ').append(document.getNumber());
        if (document.getTitle() != null) text.append(" - ").append(document.getTitle());
        return Descriptions.fit(text.toString());
    }

    private MappingOutcome park(CostDocument document, Set<Problem> problems) {
        MappingException exception = MappingException.newBuilder()
                .setTenantId(document.getTenantId())
                .setSourceType(document.getSourceType())
                .setSourceId(document.getSourceId())
                .setContentRevision(document.getContentRevision())
                .setStatus(ExceptionStatus.PARKED)
                .setReasons(problems.stream()
                        .map(p -> new MappingProblem(p.code().name(), p.message(), p.lineId()))
                        .toList())
                .setDocument(document)
                .setRaisedAt(clock.instant())
                .build();
        return new Parked(exception);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
