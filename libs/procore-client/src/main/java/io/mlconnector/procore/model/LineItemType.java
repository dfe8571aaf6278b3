package io.mlconnector.procore.model;

/** A cost type. Map by id or code; {@code baseType}'s value set is unconfirmed (docs/api-facts.md). */
public record LineItemType(long id, String code, String name, String baseType) {
}
