package io.mlconnector.mapping.validation;

import io.mlconnector.bc.BcDimensionValue;
import io.mlconnector.bc.BcVendor;
import io.mlconnector.bc.DimensionAssignment;
import io.mlconnector.events.VendorRef;
import io.mlconnector.events.VendorLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks what a document would post against BC's reference data before any line posts: accounts take
 * direct postings, every dimension value exists, the vendor exists and takes invoices. Every check returns
 * all of its problems; the caller collects them across the document.
 */
public final class ReferenceValidator {
    private final BcReferenceData bc;

    public ReferenceValidator(BcReferenceData bc) {
        this.bc = bc;
    }

    /**
     * @param usedFor how the account got onto the line, for the message ("mapped for cost code 03-300 with
     *                cost type M", "the tenant's retainage payable account")
     */
    public List<Problem> checkAccount(String tenantId, String accountNumber, String usedFor, String lineId) {
        Optional<GlAccount> found = bc.account(tenantId, accountNumber);
        if (found.isEmpty()) {
            return List.of(new Problem(ProblemCode.GL_ACCOUNT_UNKNOWN,
                    "G/L account " + accountNumber + " (" + usedFor + ") does not exist in Business Central.", lineId));
        }
        GlAccount account = found.get();
        String named = "G/L account " + account.number() + " " + nullToEmpty(account.displayName()).trim();
        List<Problem> problems = new ArrayList<>();
        if (!account.isPostingType()) {
            problems.add(new Problem(ProblemCode.GL_ACCOUNT_NOT_POSTING_TYPE, named.trim() + " (" + usedFor + ") is a "
                    + account.accountType() + " account; only Posting accounts take entries.", lineId));
        }
        if (account.blocked()) {
            problems.add(new Problem(ProblemCode.GL_ACCOUNT_BLOCKED, named.trim() + " (" + usedFor
                    + ") is blocked in Business Central. Map it to an open account or unblock the account.", lineId));
        }
        if (!account.directPosting()) {
            problems.add(new Problem(ProblemCode.GL_ACCOUNT_NOT_DIRECT_POSTING, named.trim() + " (" + usedFor
                    + ") does not allow direct posting in Business Central.", lineId));
        }
        return problems;
    }

    /**
     * Checks each dimension value and returns them in BC's spelling (BC uppercases codes, so "2024-001a"
     * in Procore matches "2024-001A" in BC).
     */
    public DimensionCheck checkDimensions(String tenantId, List<DimensionAssignment> dimensions, String lineLabel,
                                          String lineId) {
        List<DimensionAssignment> canonical = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (DimensionAssignment assignment : dimensions) {
            Optional<KnownDimensionValues> dimension = bc.dimension(tenantId, assignment.code());
            if (dimension.isEmpty()) {
                problems.add(new Problem(ProblemCode.DIMENSION_UNKNOWN, "Dimension " + assignment.code()
                        + " (" + lineLabel + ") does not exist in Business Central.", lineId));
                continue;
            }
            Optional<BcDimensionValue> value = dimension.get().value(assignment.valueCode());
            if (value.isEmpty()) {
                problems.add(new Problem(ProblemCode.DIMENSION_VALUE_UNKNOWN, "Dimension " + dimension.get().code()
                        + " has no value " + assignment.valueCode() + " in Business Central (" + lineLabel
                        + "). Add the dimension value in BC or change the mapping's dimensions.", lineId));
                continue;
            }
            canonical.add(new DimensionAssignment(dimension.get().code(), value.get().code()));
        }
        return new DimensionCheck(canonical, problems);
    }

    /**
     * Checks one dimension value every line of a project carries (the project dimension, and whatever else the
     * project rule sets), once per document. When the project dimension is missing in BC the problem says what
     * fixes it: a project rule when the value is the Procore project number itself, the rule otherwise.
     *
     * @param projectDimension the tenant's project dimension code (PROJECT)
     * @param fromProjectRule  whether the project rule gave this value (else it is the Procore project number)
     */
    public DimensionCheck checkProjectDimension(String tenantId, String projectNumber, DimensionAssignment assignment,
                                                String projectDimension, boolean fromProjectRule) {
        String label = "project " + projectNumber;
        DimensionCheck check = checkDimensions(tenantId, List.of(assignment), label, null);
        boolean valueUnknown = check.problems().stream().anyMatch(p -> p.code() == ProblemCode.DIMENSION_VALUE_UNKNOWN);
        if (!valueUnknown || !assignment.code().equals(projectDimension)) {
            return check;
        }
        String dimension = assignment.code();
        if (fromProjectRule) {
            return new DimensionCheck(List.of(), List.of(Problem.document(ProblemCode.DIMENSION_VALUE_UNKNOWN,
                    "Dimension " + dimension + " has no value " + assignment.valueCode() + " in Business Central;"
                            + " the project rule for project " + projectNumber + " gives it. Add the value to dimension "
                            + dimension + " in BC, or change that rule to the value the project has in BC.")));
        }
        Optional<String> notACode = DimensionValueCodes.whyNotACode(projectNumber);
        String example = notACode.isPresent() ? DimensionValueCodes.suggestion(projectNumber) : "<value in BC>";
        String howToAdd = "Add a project rule (project only, no cost code, cost type or G/L account) that gives it the "
                + dimension + " value the project has in Business Central, e.g. the CSV row "
                + csvField(projectNumber) + ",,,," + dimension + "=" + example
                + " or PUT /api/tenants/" + tenantId + "/mapping/rule with {\"project\":" + json(projectNumber)
                + ",\"dimensions\":{\"" + dimension + "\":\"" + example + "\"}}.";
        if (notACode.isPresent()) {
            return new DimensionCheck(List.of(), List.of(Problem.document(ProblemCode.PROJECT_NOT_MAPPED,
                    "Procore project number '" + projectNumber + "' cannot be a Business Central " + dimension
                            + " value as it is (dimension value codes are at most " + DimensionValueCodes.MAX_LENGTH
                            + " characters of capital letters, digits, '-', '_' and '.'; " + notACode.get()
                            + "), and no project rule gives project '" + projectNumber + "' its " + dimension
                            + " value. " + howToAdd)));
        }
        return new DimensionCheck(List.of(), List.of(Problem.document(ProblemCode.DIMENSION_VALUE_UNKNOWN,
                "Dimension " + dimension + " has no value " + assignment.valueCode() + " in Business Central (the"
                        + " Procore project number; no project rule gives project " + projectNumber + " another value)."
                        + " Add the value to dimension " + dimension + " in BC, or: " + howToAdd)));
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.startsWith(" ")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Finds the BC vendor for a Procore vendor: an explicit link wins over the origin_id Procore keeps.
     * A vendor blocked for "Payment" only still takes invoices (BC blocks only payment entries), so it passes.
     */
    public VendorResolution resolveVendor(String tenantId, VendorRef vendor, Optional<VendorLink> link) {
        if (vendor == null) {
            return VendorResolution.failed(Problem.document(ProblemCode.VENDOR_MISSING,
                    "The document has no vendor; a purchase invoice needs one. Set the vendor on the document in Procore."));
        }
        String procoreVendor = "Procore vendor " + (vendor.getName() == null ? "" : vendor.getName() + " ")
                + "(id " + vendor.getId() + ")";
        Optional<BcVendor> found;
        if (link.isPresent()) {
            // by id: a BC vendor deleted and re-created under the same number is another vendor
            found = bc.vendorById(tenantId, link.get().getBcVendorId());
            if (found.isEmpty()) {
                return VendorResolution.failed(Problem.document(ProblemCode.VENDOR_UNKNOWN_IN_BC, procoreVendor
                        + " is linked to BC vendor " + link.get().getBcVendorNumber()
                        + ", which does not exist in Business Central any more. Link it to another BC vendor"
                        + " through vendor-sync (PUT /vendor-sync/tenants/" + tenantId + "/vendor-links/"
                        + vendor.getId() + ")."));
            }
        } else if (vendor.getOriginId() == null || vendor.getOriginId().isBlank()) {
            return VendorResolution.failed(Problem.document(ProblemCode.VENDOR_NOT_LINKED, procoreVendor
                    + " is not linked to a Business Central vendor (no origin_id and no vendor link). "
                    + "Link it to a BC vendor through vendor-sync (PUT /vendor-sync/tenants/" + tenantId
                    + "/vendor-links/" + vendor.getId() + ")."));
        } else {
            found = bc.vendorById(tenantId, vendor.getOriginId());
            if (found.isEmpty()) {
                return VendorResolution.failed(Problem.document(ProblemCode.VENDOR_UNKNOWN_IN_BC, procoreVendor
                        + " carries origin_id " + vendor.getOriginId()
                        + ", which is not a vendor in Business Central. Link it to a BC vendor through vendor-sync"
                        + " (PUT /vendor-sync/tenants/" + tenantId + "/vendor-links/" + vendor.getId() + ")."));
            }
        }
        BcVendor bcVendor = found.get();
        if (bcVendor.blocksInvoices()) {
            return VendorResolution.failed(Problem.document(ProblemCode.VENDOR_BLOCKED, "BC vendor "
                    + bcVendor.number() + " " + nullToEmpty(bcVendor.displayName())
                    + " (for " + procoreVendor + ") is blocked for All in Business Central; no invoice can post to it."));
        }
        return new VendorResolution(Optional.of(bcVendor), List.of());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    public record DimensionCheck(List<DimensionAssignment> dimensions, List<Problem> problems) {
    }

    public record VendorResolution(Optional<BcVendor> vendor, List<Problem> problems) {
        static VendorResolution failed(Problem problem) {
            return new VendorResolution(Optional.empty(), List.of(problem));
        }
    }
}
