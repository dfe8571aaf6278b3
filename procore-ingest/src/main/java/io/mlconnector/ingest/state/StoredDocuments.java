package io.mlconnector.ingest.state;

import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.serde.AvroTrust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A cost document as stored beside its revision: Avro binary under the schema compiled into this service. The last
 * published version is kept so that a record Procore no longer returns (deleted, show answers 404) can still be
 * published once more, as itself with {@code deleted=true}.
 */
final class StoredDocuments {

    static {
        AvroTrust.install();
    }

    private static final SpecificDatumWriter<CostDocument> WRITER = new SpecificDatumWriter<>(CostDocument.class);
    private static final SpecificDatumReader<CostDocument> READER = new SpecificDatumReader<>(CostDocument.class);

    private StoredDocuments() {
    }

    static byte[] encode(CostDocument document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            WRITER.write(document, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CostDocument decode(byte[] bytes) {
        try {
            return READER.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
