package io.mlconnector.bc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A general journal line on a G/L account. {@code amount}: + debit, − credit. {@code externalDocumentNumber}
 * (Code[35]) carries the Procore reference; {@code balancingAccountNumber} null = balanced by other lines.
 */
public record JournalLineDraft(String accountNumber, LocalDate postingDate, String documentNumber,
                               String externalDocumentNumber, BigDecimal amount, String description,
                               String balancingAccountNumber, List<DimensionAssignment> dimensions) {

    public JournalLineDraft {
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(postingDate, "postingDate");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(amount, "amount");
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }
}
