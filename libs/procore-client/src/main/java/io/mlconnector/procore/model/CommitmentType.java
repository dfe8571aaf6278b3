package io.mlconnector.procore.model;

/** Subcontract (work order contract) or purchase order contract. */
public enum CommitmentType {
    WORK_ORDER("work_order_contracts"),
    PURCHASE_ORDER("purchase_order_contracts");

    private final String resource;

    CommitmentType(String resource) {
        this.resource = resource;
    }

    /** The path segment: /rest/v1.0/{resource}. */
    public String resource() {
        return resource;
    }
}
