package io.mlconnector.procore.model;

/** A cost type as embedded in a line; {@code id}/{@code name} may be null where only a code is known. */
public record LineItemTypeRef(Long id, String code, String name) {
}
