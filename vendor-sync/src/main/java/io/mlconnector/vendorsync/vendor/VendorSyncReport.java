package io.mlconnector.vendorsync.vendor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one vendor sync run did. {@code handMade} lists Procore vendors without origin_id (left alone);
 * {@code nameClashes} lists BC vendors not created because a hand-made Procore vendor already has their name
 * (a person links them by setting origin_id on the Procore vendor, or renames one).
 */
public record VendorSyncReport(String tenantId, Trigger trigger, int bcVendorsRead, int created, int updated,
                               int deactivated, int unchanged, List<HandMadeVendor> handMade,
                               List<NameClash> nameClashes, List<RowFailure> failures, Instant finishedAt) {

    public enum Trigger { RECONCILIATION, NOTIFICATION, POLL }

    public record HandMadeVendor(long procoreVendorId, String name, boolean active) {
    }

    public record NameClash(UUID bcVendorId, String bcVendorNumber, String name, long procoreVendorId) {
    }

    /** A row Procore refused ({field: [messages]} flattened) or that could not be matched back. */
    public record RowFailure(String bcVendorNumber, Long procoreVendorId, String reason) {
    }

    public VendorSyncReport {
        handMade = List.copyOf(handMade);
        nameClashes = List.copyOf(nameClashes);
        failures = List.copyOf(failures);
    }

    /** Procore writes this run made (rows sent to the sync endpoint and accepted). */
    public int writes() {
        return created + updated + deactivated;
    }
}
