package io.mlconnector.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.events.SourceType;
import org.junit.jupiter.api.Test;

class EventKeysTest {

    @Test
    void costRecordKeyIsTenantSourceTypeSourceId() {
        assertThat(EventKeys.of("harbor-ridge", SourceType.REQUISITION, "5550001"))
                .isEqualTo("harbor-ridge|REQUISITION|5550001");
        assertThat(EventKeys.of("harbor-ridge", "Direct Costs", "778899"))
                .isEqualTo("harbor-ridge|Direct Costs|778899");
    }

    @Test
    void pipeInsideAPartCannotMakeTwoRecordsShareAKey() {
        String a = EventKeys.of("t", "a|b", "c");
        String b = EventKeys.of("t", "a", "b|c");
        assertThat(a).isNotEqualTo(b).isEqualTo("t|a%7Cb|c");
        assertThat(EventKeys.parse(a)).isEqualTo(new EventKeys.EventKey("t", "a|b", "c"));
        assertThat(EventKeys.parse(b)).isEqualTo(new EventKeys.EventKey("t", "a", "b|c"));
    }

    @Test
    void percentSignRoundTripsWithoutBeingMistakenForAnEscape() {
        String key = EventKeys.of("t", "100%7C", "x%");
        assertThat(key).isEqualTo("t|100%257C|x%25");
        assertThat(EventKeys.parse(key)).isEqualTo(new EventKeys.EventKey("t", "100%7C", "x%"));
    }

    @Test
    void blankOrNullPartsAreRejected() {
        assertThatThrownBy(() -> EventKeys.of(" ", "REQUISITION", "1")).hasMessageContaining("tenantId");
        assertThatThrownBy(() -> EventKeys.of("t", (String) null, "1")).hasMessageContaining("sourceType");
        assertThatThrownBy(() -> EventKeys.of("t", "REQUISITION", "")).hasMessageContaining("sourceId");
        assertThatThrownBy(() -> EventKeys.parse("t|only-two")).hasMessageContaining("tenantId|sourceType|sourceId");
    }
}
