package io.mlconnector.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.CostDocumentLine;
import io.mlconnector.schemas.CostDocuments;
import io.mlconnector.schemas.Topics;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Money is Avro decimal(18,2) and Java BigDecimal: it must come back to the cent, sign and scale included. */
class MoneySurvivesRoundTripExactlyTest {

    private final MemorySchemaRegistry registry = new MemorySchemaRegistry();
    private final AvroSerializer<CostDocument> serializer = new AvroSerializer<>(registry);
    private final AvroDeserializer<CostDocument> deserializer = new AvroDeserializer<>(CostDocument.class, registry);

    MoneySurvivesRoundTripExactlyTest() {
        serializer.configure(Map.of(), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678.90", "-12345678.90", "0.01", "-0.01", "0.00", "9999999999998749.99",
            "-9999999999999999.99", "0.10"})
    void amountComesBackWithTheSameValueAndScale(String amount) {
        BigDecimal money = new BigDecimal(amount);
        CostDocument document = CostDocuments.requisition(money, money.negate());

        CostDocument back = roundTrip(document);

        CostDocumentLine line = back.getLines().get(0);
        assertThat(line.getAmount()).isEqualTo(money);           // BigDecimal.equals: value AND scale
        assertThat(line.getAmount().scale()).isEqualTo(2);
        assertThat(line.getRetainageAmount()).isEqualTo(money.negate());
        assertThat(back.getTotalAmount()).isEqualTo(document.getTotalAmount());
        assertThat(back).isEqualTo(document);
    }

    @Test
    void amountBeyondEighteenDigitsIsRefused() {
        // 9999999999999999.99 + the fixture's 1250.00 line = 19 digits in the document total
        CostDocument document = CostDocuments.requisition(new BigDecimal("9999999999999999.99"), new BigDecimal("0.00"));
        assertThatThrownBy(() -> serializer.serialize(Topics.PROCORE_COST_DOCUMENTS, document))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("precision");
    }

    @Test
    void amountWithLessScaleIsPaddedToCents() {
        CostDocument back = roundTrip(CostDocuments.requisition(new BigDecimal("5.5"), new BigDecimal("0")));
        assertThat(back.getLines().get(0).getAmount()).isEqualTo(new BigDecimal("5.50"));
        assertThat(back.getLines().get(0).getRetainageAmount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void amountWithFractionsOfACentIsRefusedNotRounded() {
        CostDocument document = CostDocuments.requisition(new BigDecimal("100.005"), new BigDecimal("0.00"));
        assertThatThrownBy(() -> serializer.serialize(Topics.PROCORE_COST_DOCUMENTS, document))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("procore.cost-documents")
                .hasMessageContaining("scale");
    }

    private CostDocument roundTrip(CostDocument document) {
        return deserializer.deserialize(Topics.PROCORE_COST_DOCUMENTS,
                serializer.serialize(Topics.PROCORE_COST_DOCUMENTS, document));
    }
}
