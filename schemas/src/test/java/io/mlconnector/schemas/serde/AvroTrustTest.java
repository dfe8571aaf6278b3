package io.mlconnector.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.events.CostDocument;
import io.mlconnector.schemas.CostDocuments;
import java.util.Map;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.junit.jupiter.api.Test;

/**
 * Avro 1.12.2 refuses to instantiate classes from untrusted packages. The serde must trust our generated classes by
 * itself (no JVM flag), and only them.
 */
class AvroTrustTest {

    @Test
    void withoutTheSerdesTrustAvroRefusesOurGeneratedClasses() throws Exception {
        byte[] body = avroBody();
        ClassSecurityPredicate installed = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES);
        try {
            // a fresh SpecificData: the generated class's model caches classes it already resolved
            SpecificDatumReader<CostDocument> reader = new SpecificDatumReader<>(CostDocument.getClassSchema(),
                    CostDocument.getClassSchema(), new SpecificData());
            assertThatThrownBy(() -> reader.read(null, DecoderFactory.get().binaryDecoder(body, null)))
                    .isInstanceOf(SecurityException.class)
                    .hasMessageContaining("io.mlconnector.events");
        } finally {
            ClassSecurityValidator.setGlobal(installed);
        }
    }

    @Test
    void serdeSetupTrustsTheEventsPackageOnly() throws Exception {
        AvroTrust.install();
        assertThat(System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES")).contains("io.mlconnector.events");
        assertThat(AvroTrust.isTrusted(CostDocument.class)).isTrue();
        assertThat(AvroTrust.isTrusted(java.io.File.class)).isFalse();
        assertThat(AvroTrust.isTrusted(AvroTrustTest.class)).isFalse();

        // and a plain Avro reader with a fresh model now resolves our classes
        SpecificDatumReader<CostDocument> reader = new SpecificDatumReader<>(CostDocument.getClassSchema(),
                CostDocument.getClassSchema(), SpecificData.getForClass(CostDocument.class));
        assertThat(reader.read(null, DecoderFactory.get().binaryDecoder(avroBody(), null)))
                .isEqualTo(CostDocuments.requisition());
    }

    private static byte[] avroBody() {
        MemorySchemaRegistry registry = new MemorySchemaRegistry();
        AvroSerializer<CostDocument> serializer = new AvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        byte[] wire = serializer.serialize("t", CostDocuments.requisition());
        return java.util.Arrays.copyOfRange(wire, 5, wire.length);
    }
}
