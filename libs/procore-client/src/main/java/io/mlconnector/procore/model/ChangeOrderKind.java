package io.mlconnector.procore.model;

/** Commitment (subcontract/PO) change order or prime (owner) contract change order. */
public enum ChangeOrderKind {
    COMMITMENT("commitment_change_orders"),
    PRIME("prime_change_orders");

    private final String resource;

    ChangeOrderKind(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
