package io.mlconnector.sandbox.procore;

/** The record collections the sandbox holds, with the file each one is loaded from. */
public enum Resource {
    VENDORS(Scope.COMPANY, "vendors.json"),
    LINE_ITEM_TYPES(Scope.COMPANY, "line_item_types.json"),
    PROJECTS(Scope.COMPANY, "projects.json"),
    COST_CODES(Scope.PROJECT, "cost_codes.json"),
    WORK_ORDER_CONTRACTS(Scope.PROJECT, "work_order_contracts.json"),
    PURCHASE_ORDER_CONTRACTS(Scope.PROJECT, "purchase_order_contracts.json"),
    REQUISITIONS(Scope.PROJECT, "requisitions.json"),
    DIRECT_COSTS(Scope.PROJECT, "direct_costs.json"),
    COMMITMENT_CHANGE_ORDERS(Scope.PROJECT, "commitment_change_orders.json"),
    PRIME_CHANGE_ORDERS(Scope.PROJECT, "prime_change_orders.json");

    /** Whether the owner id of a collection is a company id or a project id. */
    public enum Scope { COMPANY, PROJECT }

    private final Scope scope;
    private final String fileName;

    Resource(Scope scope, String fileName) {
        this.scope = scope;
        this.fileName = fileName;
    }

    public Scope scope() {
        return scope;
    }

    public String fileName() {
        return fileName;
    }
}
