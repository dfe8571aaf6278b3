package io.mlconnector.procore.model;

/** The vendor on a document; {@code originId} is null when the document shape does not carry it. */
public record VendorRef(Long id, String name, String originId) {
}
