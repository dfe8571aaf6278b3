package io.mlconnector.localregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.PostingResult;
import io.mlconnector.schemas.CostDocuments;
import io.mlconnector.schemas.Topics;
import io.mlconnector.schemas.registry.SchemaRegistryException;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import io.mlconnector.schemas.registry.SubjectVersion;
import io.mlconnector.schemas.serde.AvroDeserializer;
import io.mlconnector.schemas.serde.AvroSerdeConfig;
import io.mlconnector.schemas.serde.AvroSerializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST client against our registry server over real loopback HTTP, as the local run's services use it. */
class SchemaRegistryRestClientOverHttpTest {

    private static final String SUBJECT = "procore.cost-documents-value";

    @TempDir
    Path tempDir;

    private SchemaRegistryHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void registerIsIdempotentAndSchemasResolveById() {
        server = SchemaRegistryHttpServer.start(new InProcessSchemaRegistry());
        SchemaRegistryRestClient client = new SchemaRegistryRestClient(server.baseUri());

        int id = client.register(SUBJECT, CostDocument.getClassSchema());
        int again = new SchemaRegistryRestClient(server.baseUri()).register(SUBJECT, CostDocument.getClassSchema());
        int sameSchemaOtherSubject = client.register("replay.cost-documents-value", CostDocument.getClassSchema());

        assertThat(again).isEqualTo(id);
        assertThat(sameSchemaOtherSubject).isEqualTo(id);
        assertThat(client.versions(SUBJECT)).containsExactly(1);
        SchemaRegistryRestClient fresh = new SchemaRegistryRestClient(server.baseUri());
        assertThat(fresh.schemaById(id)).isEqualTo(CostDocument.getClassSchema());
        assertThat(fresh.latest(SUBJECT)).isEqualTo(new SubjectVersion(SUBJECT, 1, id, CostDocument.getClassSchema()));
        assertThat(fresh.lookup(SUBJECT, CostDocument.getClassSchema())).isEqualTo(id);
        assertThat(fresh.subjects()).containsExactly(SUBJECT, "replay.cost-documents-value");
    }

    @Test
    void compatibleChangeBecomesVersionTwoAndIncompatibleOneIs409() {
        server = SchemaRegistryHttpServer.start(new InProcessSchemaRegistry());
        SchemaRegistryRestClient client = new SchemaRegistryRestClient(server.baseUri());
        Schema v1 = SchemaBuilder.record("Probe").namespace("test").fields().requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("Probe").namespace("test").fields().requiredString("a")
                .name("b").type().stringType().stringDefault("").endRecord();
        Schema broken = SchemaBuilder.record("Probe").namespace("test").fields().requiredString("a")
                .requiredString("b").requiredLong("c").endRecord();

        int id1 = client.register("probe-value", v1);
        int id2 = client.register("probe-value", v2);

        assertThat(id2).isNotEqualTo(id1);
        assertThat(client.versions("probe-value")).containsExactly(1, 2);
        assertThatThrownBy(() -> client.register("probe-value", broken))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.transientFailure()).isFalse();
                })
                .hasMessageContaining("incompatible")
                .hasMessageContaining("Probe.c");
        assertThat(client.versions("probe-value")).containsExactly(1, 2);
    }

    @Test
    void registryErrorsCarryTheirErrorCodes() {
        server = SchemaRegistryHttpServer.start(new InProcessSchemaRegistry());
        SchemaRegistryRestClient client = new SchemaRegistryRestClient(server.baseUri());

        assertThatThrownBy(() -> client.schemaById(4242))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                })
                .hasMessageContaining("/schemas/ids/4242").hasMessageContaining("40403");
        assertThatThrownBy(() -> client.latest("nope-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    }

    @Test
    void invalidSchemaIs422AndUnreachableRegistryIsTransient() throws Exception {
        server = SchemaRegistryHttpServer.start(new InProcessSchemaRegistry());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/subjects/x-value/versions"))
                        .header("Content-Type", SchemaRegistryRestClient.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\": \"{\\\"type\\\": \\\"recrod\\\"}\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(SchemaRegistryRestClient.CONTENT_TYPE);
        assertThat(response.body()).contains("\"error_code\":42201");

        URI gone = server.baseUri();
        server.close();
        server = null;
        assertThatThrownBy(() -> new SchemaRegistryRestClient(gone).schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.transientFailure()).isTrue());
    }

    @Test
    void filePersistedRegistryKeepsIdsAcrossRestart() throws Exception {
        Path file = tempDir.resolve("state/schemas.jsonl");
        server = SchemaRegistryHttpServer.start(InProcessSchemaRegistry.persistedTo(file));
        SchemaRegistryRestClient before = new SchemaRegistryRestClient(server.baseUri());
        int costDocumentId = before.register(SUBJECT, CostDocument.getClassSchema());
        int postingResultId = before.register("bc.posting-results-value", PostingResult.getClassSchema());
        server.close();

        server = SchemaRegistryHttpServer.start(InProcessSchemaRegistry.persistedTo(file));
        SchemaRegistryRestClient after = new SchemaRegistryRestClient(server.baseUri());

        assertThat(after.schemaById(costDocumentId)).isEqualTo(CostDocument.getClassSchema());
        assertThat(after.schemaById(postingResultId)).isEqualTo(PostingResult.getClassSchema());
        assertThat(after.register(SUBJECT, CostDocument.getClassSchema())).isEqualTo(costDocumentId);
        int newId = after.register("probe-value",
                SchemaBuilder.record("Probe").namespace("test").fields().requiredString("a").endRecord());
        assertThat(newId).isGreaterThan(Math.max(costDocumentId, postingResultId)); // ids are never reused
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void partialLastLineFromACrashIsIgnoredOnLoad() throws Exception {
        Path file = tempDir.resolve("schemas.jsonl");
        InProcessSchemaRegistry registry = InProcessSchemaRegistry.persistedTo(file);
        int id = registry.register(SUBJECT, CostDocument.getClassSchema());
        Files.writeString(file, "{\"subject\":\"half", java.nio.file.StandardOpenOption.APPEND);

        InProcessSchemaRegistry reloaded = InProcessSchemaRegistry.persistedTo(file);

        assertThat(reloaded.schemaById(id)).isEqualTo(CostDocument.getClassSchema());
    }

    @Test
    void kafkaSerdeConfiguredWithTheRegistryUrlRoundTripsOverHttp() {
        server = SchemaRegistryHttpServer.start(new InProcessSchemaRegistry());
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.baseUri().toString(),
                AvroSerdeConfig.VALUE_TYPE, CostDocument.class.getName());
        AvroSerializer<CostDocument> serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        AvroDeserializer<CostDocument> deserializer = new AvroDeserializer<>();
        deserializer.configure(config, false);

        CostDocument document = CostDocuments.requisition();
        byte[] bytes = serializer.serialize(Topics.PROCORE_COST_DOCUMENTS, document);

        assertThat(deserializer.deserialize(Topics.PROCORE_COST_DOCUMENTS, bytes)).isEqualTo(document);
        assertThat(new SchemaRegistryRestClient(server.baseUri()).subjects()).containsExactly(SUBJECT);
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsClearly() {
        server = SchemaRegistryHttpServer.start(new InProcessSchemaRegistry());
        AvroSerializer<CostDocument> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.baseUri().toString(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize(Topics.PROCORE_COST_DOCUMENTS, CostDocuments.requisition()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot find registered io.mlconnector.events.CostDocument")
                .hasMessageContaining("procore.cost-documents-value");

        new SchemaRegistryRestClient(server.baseUri()).register(SUBJECT, CostDocument.getClassSchema());
        assertThat(serializer.serialize(Topics.PROCORE_COST_DOCUMENTS, CostDocuments.requisition())).isNotEmpty();
    }
}
