package io.mlconnector.ingest.publish;

import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.serde.AvroTrust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The content revision of a cost document: SHA-256 over its Avro binary form with the fields that
 * change without changing what an accountant would post (observation time, Procore's updated_at, the
 * revision itself) blanked. Avro binary encoding of a record is deterministic, so equal content gives
 * equal revisions across processes and restarts.
 * <p>
 * The binary form is written in the first version of the schema ({@code schema-history/CostDocument/v1.avsc}),
 * and a top-level field added since then is hashed after it only when it is set. So adding an optional field
 * does not change the revision of every document already read (which would make every posted document look
 * "changed in Procore after it was posted"), while a value in the new field still counts as content.
 */
public final class ContentRevisions {

    static {
        AvroTrust.install();
    }

    private static final Schema FIRST_SCHEMA = firstSchema();
    private static final SpecificDatumWriter<CostDocument> WRITER = new SpecificDatumWriter<>(FIRST_SCHEMA);
    private static final List<Schema.Field> ADDED_FIELDS = CostDocument.getClassSchema().getFields().stream()
            .filter(f -> FIRST_SCHEMA.getField(f.name()) == null).toList();

    private ContentRevisions() {
    }

    /**
     * Reads the first schema from the schemas jar now, on the caller's thread. The service calls this while it is
     * wired, so the read never happens on the event loop that converts the first document (a file read there would
     * stall every request that loop serves).
     */
    public static void load() {
        // class initialisation did it
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
        MessageDigest digest = sha256();
        digest.update(bytes.toByteArray());
        for (Schema.Field field : ADDED_FIELDS) {
            Object value = canonical.get(field.pos());
            if (value != null) {
                digest.update(("\u0000" + field.name() + "=" + value).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Schema firstSchema() {
        try (InputStream in = ContentRevisions.class.getResourceAsStream("/schema-history/CostDocument/v1.avsc")) {
            if (in == null) {
                throw new IllegalStateException("schema-history/CostDocument/v1.avsc is missing from the schemas jar");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
