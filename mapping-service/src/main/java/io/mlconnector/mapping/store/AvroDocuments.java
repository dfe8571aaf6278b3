package io.mlconnector.mapping.store;

import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.serde.AvroTrust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Parked documents are stored as Avro binary together with the writer schema, so a document parked by an
 * older version still reads after CostDocument evolves (Avro schema resolution), exactly like the topic does.
 */
final class AvroDocuments {
    static {
        AvroTrust.install();
    }

    private AvroDocuments() {
    }

    static byte[] encode(CostDocument document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(CostDocument.class).write(document, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String writerSchema() {
        return CostDocument.getClassSchema().toString();
    }

    static CostDocument decode(byte[] bytes, String writerSchemaJson) {
        try {
            Schema writer = writerSchemaJson == null ? CostDocument.getClassSchema() : new Schema.Parser().parse(writerSchemaJson);
            SpecificDatumReader<CostDocument> reader = new SpecificDatumReader<>(writer, CostDocument.getClassSchema());
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
