package io.mlconnector.mapping.policy;

import io.mlconnector.events.SourceType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The idempotency key of a posting: {@code <TT>-<PROCORE ID>-<H8>}, e.g. {@code RQ-9000123-1A2B3C4D}.
 *
 * <ul>
 *   <li>It goes into BC's Vendor Invoice No. / External Document No., both Code[35], which BC uppercases and
 *       trims (Microsoft Learn: code-data-type). So the key is uppercase A-Z, 0-9 and '-', at most 35 characters,
 *       and survives the round trip: the poster's "does BC already have it?" lookup finds exactly what it wrote.</li>
 *   <li>{@code TT} names the source type (RQ requisition, DC direct cost, PO purchase order, WO work order /
 *       subcontract, CO commitment change order, PC prime change order): Procore ids are unique per resource,
 *       not across resources, so the type keeps a requisition and a direct cost with the same id apart.</li>
 *   <li>The Procore id is kept readable so an accountant can find the record from BC. Ids that are not plain
 *       alphanumerics of at most 23 characters (Procore ids are int64, at most 19 digits) are replaced by
 *       {@code H} + 16 hex of their SHA-256, which keeps the length bound.</li>
 *   <li>{@code H8} = first 8 hex of SHA-256(tenant|sourceType|sourceId|contentRevision). Type and id are already
 *       exact in the key, so the hash only has to tell apart revisions of one record (and tenants, which post to
 *       different BC companies anyway). Two revisions of the same record collide with probability 2^-32 per
 *       pair: ~1e-6 for a record revised 100 times. A collision would make the poster see the new revision
 *       as "already posted"; it would then surface through the poster's changed-after-posting check, not
 *       double-post. Double-posting needs the opposite (one revision with two keys), which a pure function of
 *       the record cannot produce.</li>
 * </ul>
 */
public final class PostingKeys {
    public static final int MAX_LENGTH = 35;
    private static final int MAX_ID_LENGTH = MAX_LENGTH - 2 - 1 - 1 - 8;
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Z0-9]{1," + MAX_ID_LENGTH + "}");

    private PostingKeys() {
    }

    public static String of(String tenantId, SourceType sourceType, String sourceId, String contentRevision) {
        String id = sourceId.trim().toUpperCase(Locale.ROOT);
        if (!PLAIN_ID.matcher(id).matches()) {
            id = "H" + sha256Hex(sourceId).substring(0, 16);
        }
        String revisionHash = sha256Hex(tenantId + "|" + sourceType.name() + "|" + sourceId + "|" + contentRevision)
                .substring(0, 8);
        return typeCode(sourceType) + "-" + id + "-" + revisionHash;
    }

    public static String typeCode(SourceType sourceType) {
        return switch (sourceType) {
            case REQUISITION -> "RQ";
            case DIRECT_COST -> "DC";
            case PURCHASE_ORDER_CONTRACT -> "PO";
            case WORK_ORDER_CONTRACT -> "WO";
            case COMMITMENT_CHANGE_ORDER -> "CO";
            case PRIME_CHANGE_ORDER -> "PC";
            case UNKNOWN -> "XX";
        };
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}
