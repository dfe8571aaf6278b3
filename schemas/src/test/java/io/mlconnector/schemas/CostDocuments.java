package io.mlconnector.schemas;

import io.mlconnector.events.CostCodeRef;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.events.CostTypeRef;
import io.mlconnector.events.SourceType;
import io.mlconnector.events.VendorRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Realistic cost documents from the demo catalogue (Harbor Ridge Builders, Riverside Medical Office Building). */
public final class CostDocuments {

    private CostDocuments() {
    }

    /** An approved subcontractor requisition from Apex Concrete Inc. on project 2024-001, with retainage. */
    public static CostDocument requisition(BigDecimal concreteAmount, BigDecimal retainage) {
        CostDocumentLine concrete = CostDocumentLine.newBuilder()
                .setLineId("9100001")
                .setDescription("Level 2 slab on deck")
                .setCostCode(new CostCodeRef(80001003L, "03-300", "Cast-in-Place Concrete"))
                .setCostType(new CostTypeRef(3522603L, "S", "Subcontract"))
                .setAmount(concreteAmount)
                .setRetainageAmount(retainage)
                .setCommitmentLineId("7700001")
                .build();
        CostDocumentLine conditions = CostDocumentLine.newBuilder()
                .setLineId("9100002")
                .setDescription(null)
                .setCostCode(new CostCodeRef(80001001L, "01-100", "General Conditions"))
                .setCostType(new CostTypeRef(3522601L, "L", "Labor"))
                .setAmount(new BigDecimal("1250.00"))
                .setRetainageAmount(new BigDecimal("0.00"))
                .setCommitmentLineId(null)
                .build();
        return CostDocument.newBuilder()
                .setTenantId("harbor-ridge")
                .setSourceType(SourceType.REQUISITION)
                .setSourceId("5550001")
                .setContentRevision("sha256:4f1c0e")
                .setCompanyId(5001234L)
                .setProjectId(2001001L)
                .setProjectNumber("2024-001")
                .setProjectName("Riverside Medical Office Building")
                .setProjectActive(true)
                .setNumber("REQ-007")
                .setTitle("Pay application #7")
                .setStatus("approved")
                .setApproved(true)
                .setDeleted(false)
                .setDirectCostType(null)
                .setVendor(new VendorRef(3968001L, "Apex Concrete Inc.", "8f3c2a10-0000-4000-a000-000000000001"))
                .setParentId("6600001")
                .setDocumentDate(LocalDate.of(2026, 10, 15))
                .setCurrency("USD")
                .setTotalAmount(concreteAmount.add(new BigDecimal("1250.00")))
                .setRetainageAmount(retainage)
                .setLines(List.of(concrete, conditions))
                .setSourceUpdatedAt(Instant.parse("2026-10-15T14:03:07.123Z"))
                .setObservedAt(Instant.parse("2026-10-15T14:05:00Z"))
                .build();
    }

    public static CostDocument requisition() {
        return requisition(new BigDecimal("48250.00"), new BigDecimal("4825.00"));
    }
}
