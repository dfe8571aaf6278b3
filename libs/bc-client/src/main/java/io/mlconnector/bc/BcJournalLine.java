package io.mlconnector.bc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A journal line as BC returns it (dimensions filled when expanded). */
public record BcJournalLine(UUID id, UUID journalId, int lineNumber, String accountNumber, LocalDate postingDate,
                            String documentNumber, String externalDocumentNumber, BigDecimal amount, String description,
                            String balancingAccountNumber, String etag, List<DimensionAssignment> dimensions) {

    static BcJournalLine from(JsonNode n) {
        return new BcJournalLine(BcJson.uuid(n, "id"), BcJson.uuid(n, "journalId"), BcJson.integer(n, "lineNumber"),
                BcJson.text(n, "accountNumber"), BcJson.date(n, "postingDate"), BcJson.text(n, "documentNumber"),
                BcJson.text(n, "externalDocumentNumber"), BcJson.decimal(n, "amount"), BcJson.text(n, "description"),
                BcJson.text(n, "balancingAccountNumber"), BcJson.etag(n), BcDocumentLine.dimensions(n));
    }
}
