package io.mlconnector.mapping.store;

import io.mlconnector.events.SourceType;

/** tenantId|sourceType|sourceId: the same key as the topics, so one record has one exception. */
public record ExceptionKey(String tenantId, SourceType sourceType, String sourceId) {
    public String id() {
        return tenantId + "|" + sourceType.name() + "|" + sourceId;
    }
}
