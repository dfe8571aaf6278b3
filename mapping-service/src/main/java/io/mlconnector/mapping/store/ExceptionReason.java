package io.mlconnector.mapping.store;

/** One stored reason: code (e.g. COST_CODE_NOT_MAPPED), message for people, line id or null. */
public record ExceptionReason(String code, String message, String lineId) {
}
