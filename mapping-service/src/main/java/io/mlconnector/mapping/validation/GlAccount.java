package io.mlconnector.mapping.validation;

/** A BC G/L account as the accounts API returns it (companies({id})/accounts). */
public record GlAccount(String number, String displayName, String accountType, boolean directPosting, boolean blocked) {
    public boolean isPostingType() {
        return "Posting".equalsIgnoreCase(accountType);
    }

    /** BC's own filter for accounts a cost line can post to (Microsoft Learn: dynamics_account). */
    public boolean acceptsDirectPosting() {
        return isPostingType() && !blocked && directPosting;
    }
}
