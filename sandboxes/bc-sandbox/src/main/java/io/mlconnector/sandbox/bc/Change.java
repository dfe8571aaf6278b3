package io.mlconnector.sandbox.bc;

import java.time.Instant;
import java.util.UUID;

/** A record change that webhook subscribers hear about (created, updated or deleted). */
record Change(String tenantId, String environment, UUID companyId, String set, UUID entityId, String changeType,
              Instant at) {
}
