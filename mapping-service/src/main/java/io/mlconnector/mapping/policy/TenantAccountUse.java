package io.mlconnector.mapping.policy;

/** A tenant-level account a strategy posts to, with the role named for messages. */
public record TenantAccountUse(String accountNumber, String role) {
}
