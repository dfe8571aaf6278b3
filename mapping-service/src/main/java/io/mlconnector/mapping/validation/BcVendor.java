package io.mlconnector.mapping.validation;

/**
 * A BC vendor. {@code blocked} is BC's enum: " " (not blocked), "Payment" (no payments, invoices still post)
 * or "All" (nothing posts) (bc-api.md 3.1).
 */
public record BcVendor(String id, String number, String displayName, String blocked) {
    public boolean blocksInvoices() {
        return blocked != null && "All".equalsIgnoreCase(blocked.trim());
    }

    public boolean blocksPaymentsOnly() {
        return blocked != null && "Payment".equalsIgnoreCase(blocked.trim());
    }
}
