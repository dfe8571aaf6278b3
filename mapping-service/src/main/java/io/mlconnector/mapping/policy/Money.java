package io.mlconnector.mapping.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in the connector's contracts: BigDecimal, scale 2 (the Avro decimal scale; Avro refuses others). */
public final class Money {
    private Money() {
    }

    public static BigDecimal scale(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_EVEN);
    }

    public static boolean isZero(BigDecimal amount) {
        return amount == null || amount.signum() == 0;
    }
}
