package io.mlconnector.poster.testbed;

import io.mlconnector.events.BcDocumentKind;
import io.mlconnector.events.DimensionValue;
import io.mlconnector.events.PostingLine;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.SourceType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posting requests as mapping-service sends them for the demo company (catalogue in demo-data/README.md): a
 * subcontractor requisition with retainage, a negative direct-cost invoice (credit memo), a commitment memo pair in the
 * connector's journal batch. Keys are unique per call so tests never see each other's documents in BC.
 */
public final class PostingRequests {

    /** Apex Concrete Inc. (vendor 1). */
    public static final String APEX_NUMBER = "V1010";
    public static final String APEX_ID = "8f3c2a10-0000-4000-a000-000000000001";
    /** Delta Demolition Co. (vendor 29): blocked "All" in BC. */
    public static final String DELTA_NUMBER = "V1290";
    public static final String DELTA_ID = "8f3c2a10-0000-4000-a000-000000000029";
    /** Pacific Ready-Mix (vendor 14). */
    public static final String PACIFIC_NUMBER = "V1140";
    public static final String PACIFIC_ID = "8f3c2a10-0000-4000-a000-000000000014";

    public static final LocalDate DOCUMENT_DATE = LocalDate.of(2026, 10, 15);

    private static final AtomicInteger SEQUENCE = new AtomicInteger(7300100);

    private PostingRequests() {
    }

    /** {@code PREFIX-<source id>-<8 hex>}: unique, uppercase, at most 20 characters (fits journal Document No.). */
    public static String key(String prefix, String sourceId) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + sourceId + "-" + HexFormat.of().withUpperCase().formatHex(random);
    }

    public static String nextSourceId() {
        return Integer.toString(SEQUENCE.incrementAndGet());
    }

    /**
     * Requisition on Apex Concrete for project 2024-001: concrete 12,500.00 on 5130 and general conditions 2,000.00
     * on 5130, retainage 1,450.00 withheld on 2120 (a negative line); total due 13,050.00.
     */
    public static PostingRequest requisition() {
        return requisition(nextSourceId(), "rev-1", APEX_ID, APEX_NUMBER);
    }

    public static PostingRequest requisition(String sourceId, String revision, String vendorId, String vendorNumber) {
        List<PostingLine> lines = List.of(
                line("Cast-in-Place Concrete, this period", "5130", null, "12500.00", "2024-001", "03-300", "S"),
                line("General Conditions, this period", "5130", null, "2000.00", "2024-001", "01-100", "S"),
                new PostingLine(null, "Retainage withheld", "2120", null, money("-1450.00"),
                        List.of(new DimensionValue("PROJECT", "2024-001"))));
        return request(key("RQ", sourceId), SourceType.REQUISITION, sourceId, revision, BcDocumentKind.PURCHASE_INVOICE,
                vendorId, vendorNumber, null, lines);
    }

    /** A negative direct-cost invoice from Pacific Ready-Mix: credit memo of 830.00 on 5120 (lines positive). */
    public static PostingRequest creditMemo() {
        String sourceId = nextSourceId();
        List<PostingLine> lines = List.of(
                line("Returned ready-mix, short load", "5120", null, "830.00", "2024-002", "03-300", "M"));
        return request(key("DC", sourceId), SourceType.DIRECT_COST, sourceId, "rev-1",
                BcDocumentKind.PURCHASE_CREDIT_MEMO, PACIFIC_ID, PACIFIC_NUMBER, null, lines);
    }

    /** An approved subcontract commitment: {@code lineCount} memo lines on 1810 balanced by 1815, with dimensions. */
    public static PostingRequest commitment(int lineCount) {
        String sourceId = nextSourceId();
        String[] costCodes = {"03-300", "05-100", "09-200", "22-100", "26-000"};
        List<PostingLine> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            lines.add(line("Committed: subcontract line " + (i + 1), "1810", "1815",
                    (1000 + i) + ".25", "2025-003", costCodes[i % costCodes.length], "S"));
        }
        return request(key("CM", sourceId), SourceType.WORK_ORDER_CONTRACT, sourceId, "rev-1",
                BcDocumentKind.GENERAL_JOURNAL, null, null, "PROCORE", lines);
    }

    /** The same source record with another content revision (so another posting key). */
    public static PostingRequest revised(PostingRequest earlier, String revision) {
        String prefix = earlier.getPostingKey().substring(0, earlier.getPostingKey().indexOf('-'));
        return PostingRequest.newBuilder(earlier).setContentRevision(revision)
                .setPostingKey(key(prefix, earlier.getSourceId())).build();
    }

    public static PostingLine line(String description, String account, String balancing, String amount,
                                   String project, String costCode, String costType) {
        return new PostingLine(null, description, account, balancing, money(amount), List.of(
                new DimensionValue("PROJECT", project), new DimensionValue("COSTCODE", costCode),
                new DimensionValue("COSTTYPE", costType)));
    }

    public static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    private static PostingRequest request(String key, SourceType type, String sourceId, String revision,
                                          BcDocumentKind kind, String vendorId, String vendorNumber, String journal,
                                          List<PostingLine> lines) {
        BigDecimal total = lines.stream().map(PostingLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        return PostingRequest.newBuilder()
                .setTenantId(PosterTestBed.TENANT)
                .setPostingKey(key)
                .setSourceType(type)
                .setSourceId(sourceId)
                .setContentRevision(revision)
                .setDocumentKind(kind)
                .setVendorId(vendorId)
                .setVendorNumber(vendorNumber)
                .setDocumentNumber("#" + sourceId)
                // the vendor's own number, as Procore carries it (journals have none)
                .setVendorInvoiceNumber(kind == BcDocumentKind.GENERAL_JOURNAL ? null : "Inv " + sourceId)
                .setDocumentDate(DOCUMENT_DATE)
                .setPostingDate(DOCUMENT_DATE)
                .setDescription("test " + kind)
                .setCurrency(null)
                .setJournalCode(journal)
                .setLines(lines)
                .setTotalAmount(total)
                .setRequestedAt(Instant.now())
                .build();
    }
}
