package io.mlconnector.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void roundsHalfAwayFromZeroToCents() {
        assertThat(Money.of(new BigDecimal("10.005"))).isEqualByComparingTo("10.01").hasScaleOf(2);
        assertThat(Money.of(new BigDecimal("10.015"))).isEqualByComparingTo("10.02");
        assertThat(Money.of(new BigDecimal("-10.005"))).isEqualByComparingTo("-10.01");
        assertThat(Money.of(new BigDecimal("10.004"))).isEqualByComparingTo("10.00");
    }

    @Test
    void aMissingAmountIsZeroCents() {
        assertThat(Money.of(null)).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.isZero(null)).isTrue();
        assertThat(Money.isZero(new BigDecimal("0.00"))).isTrue();
    }
}
