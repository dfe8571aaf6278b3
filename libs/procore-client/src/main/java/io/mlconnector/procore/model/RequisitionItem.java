package io.mlconnector.procore.model;

import java.math.BigDecimal;

/**
 * One billed SOV line of a requisition.
 *
 * @param retainageRetainedThisPeriod work retainage retained this period + materials retainage retained this
 *        period − both released this period. For materials the spec offers
 *        {@code materials_stored_retainage_currently_retained}; whether that is "this period" or cumulative is
 *        unconfirmed (the two agree on a first application), so the raw parts are kept too.
 */
public record RequisitionItem(long id, String itemType, Long lineItemId, Long costCodeId, String description,
                              BigDecimal scheduledValue, BigDecimal workCompletedThisPeriod,
                              BigDecimal materialsPresentlyStored, BigDecimal workRetainageRetainedThisPeriod,
                              BigDecimal workRetainageReleasedThisPeriod, BigDecimal materialsRetainageRetained,
                              BigDecimal materialsRetainageReleasedThisPeriod, BigDecimal retainageRetainedThisPeriod) {

    /** Gross amount billed this period: work completed plus materials stored. */
    public BigDecimal grossThisPeriod() {
        return workCompletedThisPeriod.add(materialsPresentlyStored);
    }
}
