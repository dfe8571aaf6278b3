package io.mlconnector.procore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.procore.model.ChangeOrderLine;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A v2 change order line's wbs_code.flat_code: the cost type is the last segment, the cost code all before it. */
class ChangeOrderLineBudgetCodeTest {

    private static ChangeOrderLine line(String flatCode) {
        return ProcoreRecords.changeOrderLine(JsonMapper.builder().build().readTree("""
                {"id":"562949954510011","commitment_line_item_id":null,"description":"x","amount":"24500.00",
                 "wbs_code":{"id":null,"flat_code":"%s"}}""".formatted(flatCode)));
    }

    @Test
    void aCostCodeContainingTheSeparatorKeepsAllItsSegments() {
        ChangeOrderLine line = line("03.300.SUB");
        assertThat(line.costCode().fullCode()).isEqualTo("03.300");
        assertThat(line.lineItemType().code()).isEqualTo("SUB");
    }

    @Test
    void aDashedCostCodeAndTypeSplitAsBefore() {
        ChangeOrderLine line = line("03-300.S");
        assertThat(line.costCode().fullCode()).isEqualTo("03-300");
        assertThat(line.lineItemType().code()).isEqualTo("S");
        assertThat(line("03-300").lineItemType()).isNull();
    }
}
