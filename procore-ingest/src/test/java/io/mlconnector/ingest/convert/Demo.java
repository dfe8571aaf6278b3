package io.mlconnector.ingest.convert;

import io.mlconnector.procore.model.CommitmentLine;
import io.mlconnector.procore.model.CostCode;
import io.mlconnector.procore.model.CostCodeRef;
import io.mlconnector.procore.model.LineItemType;
import io.mlconnector.procore.model.LineItemTypeRef;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.ProcoreVendor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Small values from the demo catalogue (demo-data/README.md) for converter tests. */
final class Demo {

    static final Instant OBSERVED = Instant.parse("2026-11-27T10:00:00Z");
    static final ProcoreProject PROJECT = new ProcoreProject(2001001L, "Riverside Medical Office Building", "2024-001",
            true, null, Instant.parse("2026-09-01T00:00:00Z"));
    static final ProcoreVendor APEX = new ProcoreVendor(3968001L, "Apex Concrete Inc.", null,
            "8f3c2a10-0000-4000-a000-000000000001", "V1010", true, null, null, null, null, null, null, null, null);
    static final CostCode CONCRETE = new CostCode(80001003L, "03-300", "Cast-in-Place Concrete", null);
    static final CostCodeRef CONCRETE_REF = new CostCodeRef(80001003L, "03-300", "Cast-in-Place Concrete");
    static final CostCodeRef STEEL_REF = new CostCodeRef(80001005L, "05-100", "Structural Steel");
    static final LineItemTypeRef SUBCONTRACT = new LineItemTypeRef(3522603L, "S", "Subcontract");
    static final LineItemTypeRef MATERIALS = new LineItemTypeRef(3522602L, "M", "Materials");
    static final CommitmentLine FOUNDATIONS = new CommitmentLine(71001011L, "Foundations", new BigDecimal("50000.00"),
            CONCRETE_REF, SUBCONTRACT);

    static ProjectContext context() {
        return new ProjectContext("harbor-ridge", 5001234L, PROJECT, Map.of(APEX.id(), APEX),
                Map.of(CONCRETE.id(), CONCRETE), OBSERVED);
    }

    static final CostCode ROOFING = new CostCode(80001006L, "07-500", "Roofing", null);
    static final LineItemType MATERIALS_TYPE = new LineItemType(3522602L, "M", "Materials", "materials");
    static final LineItemType SUBCONTRACT_TYPE = new LineItemType(3522603L, "S", "Subcontract", "commitment");

    /** The context with the project's cost codes and the company's cost types, as change orders need it. */
    static ProjectContext contextWithCodes() {
        return new ProjectContext("harbor-ridge", 5001234L, PROJECT, Map.of(APEX.id(), APEX),
                Map.of(CONCRETE.id(), CONCRETE, ROOFING.id(), ROOFING),
                Map.of("M", MATERIALS_TYPE, "S", SUBCONTRACT_TYPE), OBSERVED);
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    private Demo() {
    }
}
