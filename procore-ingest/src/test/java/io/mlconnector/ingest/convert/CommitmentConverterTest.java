package io.mlconnector.ingest.convert;

import static io.mlconnector.ingest.convert.Demo.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import io.mlconnector.procore.model.Commitment;
import io.mlconnector.procore.model.CommitmentType;
import io.mlconnector.procore.model.VendorRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommitmentConverterTest {

    static Commitment commitment(CommitmentType type, String status) {
        return new Commitment(7100101L, 2001001L, type, "SC-001", "Concrete", status, true,
                new VendorRef(3968001L, "Apex Concrete Inc.", null), money("10.00"), money("50000.00"), null,
                LocalDate.parse("2026-09-02"), Instant.parse("2026-09-15T18:00:00Z"), null, List.of(Demo.FOUNDATIONS));
    }

    @ParameterizedTest
    @CsvSource({"WORK_ORDER,Approved,true,false", "WORK_ORDER,Complete,true,false", "WORK_ORDER,Draft,false,false",
            "WORK_ORDER,Out For Signature,false,false", "WORK_ORDER,Void,false,true", "WORK_ORDER,Terminated,false,true",
            "PURCHASE_ORDER,Approved,true,false", "PURCHASE_ORDER,Partially Received,true,false",
            "PURCHASE_ORDER,Received,true,false", "PURCHASE_ORDER,Closed,true,false", "PURCHASE_ORDER,Submitted,false,false"})
    void approvedStatusesAndVoidAsDeleted(CommitmentType type, String status, boolean approved, boolean deleted) {
        CostDocument doc = CommitmentConverter.convert(Demo.context(), commitment(type, status));

        assertThat(doc.getStatus()).isEqualTo(status);
        assertThat(doc.getApproved()).isEqualTo(approved);
        assertThat(doc.getDeleted()).isEqualTo(deleted);
        assertThat(doc.getSourceType()).isEqualTo(type == CommitmentType.WORK_ORDER
                ? SourceType.WORK_ORDER_CONTRACT : SourceType.PURCHASE_ORDER_CONTRACT);
    }

    @Test
    void scheduleOfValuesLinesWithVendorLinkAndExactTotal() {
        CostDocument doc = CommitmentConverter.convert(Demo.context(), commitment(CommitmentType.WORK_ORDER, "Approved"));

        assertThat(doc.getNumber()).isEqualTo("SC-001");
        assertThat(doc.getDocumentDate()).isEqualTo(LocalDate.parse("2026-09-02"));
        assertThat(doc.getVendor().getOriginId()).isEqualTo("8f3c2a10-0000-4000-a000-000000000001");
        assertThat(doc.getLines()).singleElement().satisfies(l -> {
            assertThat(l.getCostCode().getFullCode()).isEqualTo("03-300");
            assertThat(l.getCostType().getCode()).isEqualTo("S");
            assertThat(l.getAmount()).isEqualTo(money("50000.00"));
        });
        assertThat(doc.getTotalAmount()).isEqualTo(money("50000.00"));
    }
}
