package io.mlconnector.procore.model;

/** A cost code as embedded in a line; {@code id}/{@code name} may be null where only a code is known. */
public record CostCodeRef(Long id, String fullCode, String name) {
}
