package io.mlconnector.ingest.publish;

import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.serde.AvroTrust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The content revision of a cost document: SHA-256 over its Avro binary form with the fields that
 * change without changing what an accountant would post (observation time, Procore's updated_at, the
 * revision itself) blanked. Avro binary encoding of a record is deterministic, so equal content gives
 * equal revisions across processes and restarts.
 */
public final class ContentRevisions {

    static {
        AvroTrust.install();
    }

    private static final SpecificDatumWriter<CostDocument> WRITER = new SpecificDatumWriter<>(CostDocument.class);

    private ContentRevisions() {
    }

    public static String of(CostDocument document) {
        CostDocument canonical = CostDocument.newBuilder(document)
                .setContentRevision("")
                .setObservedAt(Instant.EPOCH)
                .setSourceUpdatedAt(null)
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            WRITER.write(canonical, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
    }

    /** The document with its revision filled in. */
    public static CostDocument stamp(CostDocument document) {
        return CostDocument.newBuilder(document).setContentRevision(of(document)).build();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
