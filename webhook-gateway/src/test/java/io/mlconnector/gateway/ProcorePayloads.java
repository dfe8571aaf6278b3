package io.mlconnector.gateway;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Procore delivery bodies in the documented shapes (Procore docs: webhooks), with fresh ids. */
public final class ProcorePayloads {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private ProcorePayloads() {
    }

    public static String ulid() {
        StringBuilder out = new StringBuilder(26);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        out.append(CROCKFORD[random.nextInt(8)]);
        for (int i = 1; i < 26; i++) {
            out.append(CROCKFORD[random.nextInt(32)]);
        }
        return out.toString();
    }

    public static long eventId() {
        return ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
    }

    /** A v2.0 delivery for a Work Order Contract update. */
    public static String v2(String ulid, long companyId, long resourceId) {
        return """
                { "id": %d, "ulid": "%s", "timestamp": "2026-10-01T15:22:01.353581Z",
                  "event_type": "update", "resource_name": "Work Order Contracts", "resource_id": %d,
                  "company_id": %d, "project_id": 2001001, "user_id": 1469242, "api_version": "v2.0",
                  "metadata": { "source_application_id": null, "source_user_id": 1469242,
                                "source_company_id": %d, "source_project_id": 2001001, "source_operation_id": null } }
                """.formatted(eventId(), ulid, resourceId, companyId, companyId);
    }

    /** A v3.0 Direct Cost Line Items delivery, with its parent in related_resources. */
    public static String v3(String ulid, long companyId) {
        return """
                { "id": %d, "ulid": "%s", "timestamp": "2026-10-02T08:00:00Z", "event_type": "create",
                  "resource_name": "Direct Cost Line Items", "resource_id": 91000001, "company_id": %d,
                  "project_id": 2001002, "user_id": 1469242, "api_version": "v3.0",
                  "related_resources": [ { "id": 90000001, "name": "Direct Costs" } ] }
                """.formatted(eventId(), ulid, companyId);
    }

    /** A v4.0 delivery: string ids, reason, resource_type. */
    public static String v4(String id, long companyId) {
        return """
                { "id": "%s", "timestamp": "2026-10-03T09:30:00Z", "reason": "update", "company_id": "%d",
                  "project_id": "2001003", "user_id": "1469242", "resource_type": "Purchase Order Contracts",
                  "resource_id": "786001", "api_version": "v4.0" }
                """.formatted(id, companyId);
    }

    public static String uniqueName() {
        return UUID.randomUUID().toString();
    }
}
