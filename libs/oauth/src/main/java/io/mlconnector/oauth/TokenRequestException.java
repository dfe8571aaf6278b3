package io.mlconnector.oauth;

/**
 * The authorization server refused or failed a token request. The message carries the server's error
 * code and description (Entra ID's AADSTS codes, Procore's error text) and never the client secret.
 */
public final class TokenRequestException extends RuntimeException {

    private final int status;
    private final String error;

    public TokenRequestException(String principal, int status, String error, String description) {
        super("token request for " + principal + " failed: HTTP " + status
                + (error == null ? "" : " " + error) + (description == null ? "" : " - " + description));
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    /** The OAuth {@code error} field (for example {@code invalid_client}), or null. */
    public String error() {
        return error;
    }

    /** 5xx and throttling answers are worth retrying; a refused client or secret is not. */
    public boolean isTransient() {
        return status >= 500 || status == 429;
    }
}
