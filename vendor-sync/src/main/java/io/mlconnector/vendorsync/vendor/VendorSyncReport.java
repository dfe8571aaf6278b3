package io.mlconnector.vendorsync.vendor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one vendor sync run did. {@code handMade} lists Procore vendors without origin_id (left alone);
 * {@code nameClashes} lists BC vendors not created because a hand-made Procore vendor already has their name
 * (a person links them, or renames one); {@code linkConflicts} lists BC vendors not created because a Procore vendor
 * of the same name is still linked to a BC vendor that no longer exists (a person links them, or the tenant lets
 * vendor-sync re-link such vendors).
 */
public record VendorSyncReport(String tenantId, Trigger trigger, int bcVendorsRead, int created, int updated,
                               int deactivated, int unchanged, List<HandMadeVendor> handMade,
                               List<NameClash> nameClashes, List<RowFailure> failures, Instant finishedAt,
                               List<LinkConflict> linkConflicts, int relinked) {

    public enum Trigger { RECONCILIATION, NOTIFICATION, POLL, MANUAL_LINK }

    public record HandMadeVendor(long procoreVendorId, String name, boolean active) {
    }

    public record NameClash(UUID bcVendorId, String bcVendorNumber, String name, long procoreVendorId) {
    }

    /**
     * A BC vendor that vendor-sync did not create in Procore because Procore vendor(s) of the same name still carry
     * the origin_id of BC vendor(s) that no longer exist. {@code message} says what to do.
     */
    public record LinkConflict(UUID bcVendorId, String bcVendorNumber, String bcVendorName,
                               List<Long> procoreVendorIds, List<String> staleOriginIds, String message) {
        public LinkConflict {
            procoreVendorIds = List.copyOf(procoreVendorIds);
            staleOriginIds = List.copyOf(staleOriginIds);
        }
    }

    /** A row Procore refused ({field: [messages]} flattened) or that could not be matched back. */
    public record RowFailure(String bcVendorNumber, Long procoreVendorId, String reason) {
    }

    public VendorSyncReport {
        handMade = List.copyOf(handMade);
        nameClashes = List.copyOf(nameClashes);
        failures = List.copyOf(failures);
        linkConflicts = List.copyOf(linkConflicts);
    }

    /** Procore writes this run made (rows sent to the sync endpoint and accepted). */
    public int writes() {
        return created + updated + deactivated;
    }
}
