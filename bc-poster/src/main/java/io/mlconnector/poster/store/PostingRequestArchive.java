package io.mlconnector.poster.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.schemas.serde.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Every posting request as received, by posting key, so one document can be replayed by its id without
 * hunting for its offset. Stored in Avro single-object encoding (schema fingerprint + binary), the same
 * bytes the generated class reads back.
 */
public final class PostingRequestArchive {

    static {
        AvroTrust.install();
    }

    private final MongoCollection<Document> requests;

    public PostingRequestArchive(MongoDatabase db) {
        this.requests = db.getCollection("posting_requests");
    }

    public void save(PostingRequest request) {
        try {
            ByteBuffer bytes = request.toByteBuffer();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            Document doc = new Document("_id", request.getPostingKey())
                    .append("tenantId", request.getTenantId())
                    .append("sourceType", request.getSourceType().name())
                    .append("sourceId", request.getSourceId())
                    .append("request", new Binary(copy))
                    .append("savedAt", new Date());
            requests.replaceOne(eq("_id", request.getPostingKey()), doc, new ReplaceOptions().upsert(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<PostingRequest> find(String postingKey) {
        Document doc = requests.find(eq("_id", postingKey)).first();
        if (doc == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PostingRequest.fromByteBuffer(ByteBuffer.wrap(doc.get("request", Binary.class).getData())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
