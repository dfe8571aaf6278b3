package io.mlconnector.poster.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.schemas.serde.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;
import reactor.core.publisher.Mono;

/**
 * Every posting request as received, by posting key, so one document can be replayed by its id without
 * hunting for its offset. Stored in Avro single-object encoding (schema fingerprint + binary), the same
 * bytes the generated class reads back. Reactive (mongodb-driver-reactivestreams): a save completes once MongoDB
 * acknowledged it with the client's write concern.
 */
public final class PostingRequestArchive {

    static {
        AvroTrust.install();
    }

    private final MongoCollection<Document> requests;

    public PostingRequestArchive(MongoDatabase db) {
        this.requests = db.getCollection("posting_requests");
    }

    public Mono<Void> save(PostingRequest request) {
        return Mono.defer(() -> Mono.from(requests.replaceOne(eq("_id", request.getPostingKey()), document(request),
                new ReplaceOptions().upsert(true)))).then();
    }

    private static Document document(PostingRequest request) {
        try {
            ByteBuffer bytes = request.toByteBuffer();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            return new Document("_id", request.getPostingKey())
                    .append("tenantId", request.getTenantId())
                    .append("sourceType", request.getSourceType().name())
                    .append("sourceId", request.getSourceId())
                    .append("request", new Binary(copy))
                    .append("savedAt", new Date());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archived request; empty when none was archived under this key. */
    public Mono<PostingRequest> find(String postingKey) {
        return Mono.from(requests.find(eq("_id", postingKey)).first()).map(PostingRequestArchive::request);
    }

    private static PostingRequest request(Document doc) {
        try {
            return PostingRequest.fromByteBuffer(ByteBuffer.wrap(doc.get("request", Binary.class).getData()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
