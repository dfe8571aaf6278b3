package io.mlconnector.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in the connector's events: {@link BigDecimal} with two places (the Avro decimal scale of every amount;
 * Avro refuses another scale). The one rounding rule of the connector: half away from zero, as Business Central's
 * "Nearest" amount rounding does (Microsoft Learn: "Set Up Currencies", Invoice Rounding Type). Every service rounds
 * an amount here and nowhere else.
 */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Money() {
    }

    /** {@code amount} rounded to cents; a missing amount is zero. */
    public static BigDecimal of(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(SCALE, ROUNDING);
    }

    public static boolean isZero(BigDecimal amount) {
        return amount == null || amount.signum() == 0;
    }
}
