package io.mlconnector.procore.model;

/** A company where the app is installed ({@code GET /rest/v1.0/companies}). */
public record ProcoreCompany(long id, String name, boolean active) {
}
