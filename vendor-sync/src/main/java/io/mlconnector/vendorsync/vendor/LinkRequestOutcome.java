package io.mlconnector.vendorsync.vendor;

import java.util.Optional;

/** What came of a person's request to link a Procore vendor to a BC vendor. */
public sealed interface LinkRequestOutcome {

    /**
     * The Procore vendor is linked (Procore now carries the BC vendor's origin_id) and the link is published.
     *
     * @param previousBcVendorNumber the BC vendor it was linked to before, when that was another one
     * @param changed                false when it was already linked exactly so (the link is published again anyway)
     */
    record Linked(LinkedVendor link, Optional<String> previousBcVendorNumber, boolean changed)
            implements LinkRequestOutcome {
    }

    /** Nothing was changed; {@code message} says why and what to do. */
    record Refused(Reason reason, String message) implements LinkRequestOutcome {
    }

    enum Reason { UNKNOWN_PROCORE_VENDOR, UNKNOWN_BC_VENDOR, BC_VENDOR_LINKED_ELSEWHERE, PROCORE_REFUSED }
}
