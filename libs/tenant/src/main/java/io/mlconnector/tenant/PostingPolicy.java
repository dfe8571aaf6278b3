package io.mlconnector.tenant;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a tenant posts to Business Central and where: the treatment of each {@link DocumentType}, the tenant's
 * own policy accounts, the general journal batch the connector posts journals into, and the dimension codes of
 * project, cost code and cost type. The one home of these settings (the tenants file, {@code postingPolicy});
 * mapping-service reads it, {@code ping} checks it against the tenant's BC company.
 *
 * <p>Complete or refused: every account, the batch and the dimension codes that an enabled treatment needs must
 * be set, and the message names the setting and the way out ("do not post" for that document type).
 *
 * @param journalBatch the general journal batch ({@code journals} in the BC API, a Code[10] name)
 * @param approvedStatuses the Procore statuses in which each document type posts (Procore's own when not set)
 */
public record PostingPolicy(Map<DocumentType, Treatment> treatments, PolicyAccounts accounts, String journalBatch,
                            DimensionCodes dimensionCodes, ApprovedStatuses approvedStatuses) {

    /** BC's general journal batch name is a Code[10] field. */
    static final int MAX_BATCH_LENGTH = 10;

    /** Posts nothing, needs nothing: e.g. a tenant that only syncs vendors, or a test of a service that does not post. */
    public static final PostingPolicy NOTHING_POSTED = nothingPosted();

    public PostingPolicy {
        EnumMap<DocumentType, Treatment> complete = new EnumMap<>(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            complete.put(type, type.standardTreatment());
        }
        if (treatments != null) {
            complete.putAll(treatments);
        }
        for (Map.Entry<DocumentType, Treatment> entry : complete.entrySet()) {
            if (!entry.getKey().allowedTreatments().contains(entry.getValue())) {
                throw new TenantValidationException("postingPolicy.documents." + entry.getKey().key() + " cannot be \""
                        + entry.getValue().words() + "\"; it can be " + words(entry.getKey()));
            }
        }
        treatments = Map.copyOf(complete);
        accounts = accounts == null ? PolicyAccounts.NONE : accounts;
        journalBatch = journalBatch == null || journalBatch.isBlank() ? null
                : journalBatch.strip().toUpperCase(Locale.ROOT);
        if (journalBatch != null && journalBatch.length() > MAX_BATCH_LENGTH) {
            throw new TenantValidationException("postingPolicy.journalBatch '" + journalBatch + "' is longer than "
                    + MAX_BATCH_LENGTH + " characters, so it cannot be a Business Central journal batch name");
        }
        dimensionCodes = dimensionCodes == null ? DimensionCodes.NONE : dimensionCodes;
        approvedStatuses = approvedStatuses == null ? ApprovedStatuses.PROCORE_DEFAULTS : approvedStatuses;
        List<String> missing = missingSettings(treatments, accounts, journalBatch, dimensionCodes);
        if (!missing.isEmpty()) {
            throw new TenantValidationException(String.join("; ", missing));
        }
    }

    /** A policy that posts in Procore's own approved statuses. */
    public PostingPolicy(Map<DocumentType, Treatment> treatments, PolicyAccounts accounts, String journalBatch,
                         DimensionCodes dimensionCodes) {
        this(treatments, accounts, journalBatch, dimensionCodes, ApprovedStatuses.PROCORE_DEFAULTS);
    }

    public Treatment treatmentOf(DocumentType type) {
        return treatments.get(type);
    }

    public boolean postsAnything() {
        return treatments.values().stream().anyMatch(t -> t != Treatment.DO_NOT_POST);
    }

    public boolean postsJournals() {
        return treatments.values().stream().anyMatch(PostingPolicy::isJournal);
    }

    /** The same policy with one document type treated differently (validated again). */
    public PostingPolicy with(DocumentType type, Treatment treatment) {
        Map<DocumentType, Treatment> changed = new EnumMap<>(treatments);
        changed.put(type, treatment);
        return new PostingPolicy(changed, accounts, journalBatch, dimensionCodes, approvedStatuses);
    }

    /** The same policy posting documents of the given types in the given statuses (validated again). */
    public PostingPolicy withApprovedStatuses(Map<DocumentType, java.util.Set<String>> statuses) {
        Map<DocumentType, java.util.Set<String>> changed = new EnumMap<>(approvedStatuses.byType());
        changed.putAll(statuses);
        return new PostingPolicy(treatments, accounts, journalBatch, dimensionCodes, new ApprovedStatuses(changed));
    }

    private static boolean isJournal(Treatment treatment) {
        return treatment == Treatment.COST_JOURNAL || treatment == Treatment.COMMITMENT_MEMO_JOURNAL
                || treatment == Treatment.CONTRACT_VALUE_JOURNAL;
    }

    /** Every setting an enabled treatment needs and the policy lacks, as a sentence each. */
    private static List<String> missingSettings(Map<DocumentType, Treatment> treatments, PolicyAccounts accounts,
                                                String journalBatch, DimensionCodes codes) {
        Map<String, List<DocumentType>> neededBy = new LinkedHashMap<>();
        for (DocumentType type : DocumentType.values()) {
            Treatment treatment = treatments.get(type);
            for (Map.Entry<String, String> setting : needs(type, treatment, accounts, journalBatch, codes).entrySet()) {
                if (setting.getValue() == null) {
                    neededBy.computeIfAbsent(setting.getKey(), k -> new ArrayList<>()).add(type);
                }
            }
        }
        List<String> messages = new ArrayList<>();
        neededBy.forEach((setting, types) -> {
            List<String> because = types.stream()
                    .map(t -> t.label() + " post as " + treatments.get(t).posted()).toList();
            List<String> keys = types.stream().map(t -> "postingPolicy.documents." + t.key()).toList();
            messages.add("postingPolicy." + setting + " is required because " + String.join(" and ", because)
                    + "; set it or set " + String.join(" and ", keys) + " to \"do not post\"");
        });
        return messages;
    }

    /** The settings (name → value, null when missing) a document type needs under a treatment. */
    private static Map<String, String> needs(DocumentType type, Treatment treatment, PolicyAccounts accounts,
                                             String journalBatch, DimensionCodes codes) {
        Map<String, String> needs = new LinkedHashMap<>();
        switch (treatment) {
            case PURCHASE_INVOICE -> {
                // Requisitions withhold retainage on nearly every pay application; a direct cost invoice that
                // carries retainage is checked when it maps (and parks, naming the account) instead.
                if (type == DocumentType.REQUISITION) {
                    needs.put("retainagePayableAccount", accounts.retainagePayable());
                }
            }
            case COST_JOURNAL -> {
                if (type == DocumentType.DIRECT_COST_PAYROLL) {
                    needs.put("accruedPayrollAccount", accounts.accruedPayroll());
                } else {
                    needs.put("expenseClearingAccount", accounts.expenseClearing());
                }
            }
            case COMMITMENT_MEMO_JOURNAL -> {
                needs.put("commitmentAccount", accounts.commitment());
                needs.put("commitmentContraAccount", accounts.commitmentContra());
            }
            case CONTRACT_VALUE_JOURNAL -> {
                needs.put("contractValueAccount", accounts.contractValue());
                needs.put("contractValueContraAccount", accounts.contractValueContra());
            }
            case DO_NOT_POST -> {
                return needs;
            }
        }
        if (isJournal(treatment)) {
            needs.put("journalBatch", journalBatch);
        }
        needs.put("dimensionCodes.project", codes.project());
        if (treatment != Treatment.CONTRACT_VALUE_JOURNAL) {
            needs.put("dimensionCodes.costCode", codes.costCode());
            needs.put("dimensionCodes.costType", codes.costType());
        }
        return needs;
    }

    private static String words(DocumentType type) {
        return String.join(" or ", type.allowedTreatments().stream().sorted().map(t -> "\"" + t.words() + "\"").toList());
    }

    private static PostingPolicy nothingPosted() {
        Map<DocumentType, Treatment> none = new EnumMap<>(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            none.put(type, Treatment.DO_NOT_POST);
        }
        return new PostingPolicy(none, PolicyAccounts.NONE, null, DimensionCodes.NONE);
    }
}
