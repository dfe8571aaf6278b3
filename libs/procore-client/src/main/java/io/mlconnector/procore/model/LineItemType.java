package io.mlconnector.procore.model;

/** A cost type. Map by id or code; {@code baseType}'s value set is unconfirmed (reference sheet §9). */
public record LineItemType(long id, String code, String name, String baseType) {
}
