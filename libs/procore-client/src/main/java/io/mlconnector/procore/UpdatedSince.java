package io.mlconnector.procore;

import java.time.Instant;

/**
 * The incremental window of a list call: records with {@code updated_at >= from} (null = everything), and
 * whether soft-deleted records are included ({@code filters[include_deleted]=with}, on the endpoints that
 * declare it: the work order and purchase order contract lists; the other lists ignore the flag).
 */
public record UpdatedSince(Instant from, boolean includeDeleted) {

    public static UpdatedSince everything() {
        return new UpdatedSince(null, false);
    }

    public static UpdatedSince since(Instant from) {
        return new UpdatedSince(from, false);
    }

    public UpdatedSince withDeleted() {
        return new UpdatedSince(from, true);
    }
}
