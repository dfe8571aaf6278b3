package io.mlconnector.mapping.core;

import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingRequest;

/** What the mapper decided for one cost document. */
public sealed interface MappingOutcome {
    /** Ready for BC. */
    record Mapped(PostingRequest request) implements MappingOutcome {
    }

    /** Needs a person: every problem of the document is in the exception's reasons. */
    record Parked(MappingException exception) implements MappingOutcome {
    }

    /** Not to be posted (draft, void, deleted, inactive project, tenant policy); nothing to fix. */
    record Skipped(String reason) implements MappingOutcome {
    }
}
