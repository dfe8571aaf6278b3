package io.mlconnector.vendorsync.polling;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * MongoDB collection {@code vendor_sync_state}, one document per tenant ({@code _id = tenantId}):
 * {@code vendorWatermark} / {@code purchaseOrderWatermark} (highest BC lastModifiedDateTime seen),
 * {@code lastNotificationAt} (when the last BC notification for the tenant arrived). Watermarks only move
 * forward ({@code $max}), so a late, older read never moves them back. Reactive driver: nothing blocks.
 */
public final class SyncStateStore {

    public static final String COLLECTION = "vendor_sync_state";

    public enum Field {
        VENDOR_WATERMARK("vendorWatermark"),
        PURCHASE_ORDER_WATERMARK("purchaseOrderWatermark"),
        LAST_NOTIFICATION_AT("lastNotificationAt");

        final String name;

        Field(String name) {
            this.name = name;
        }
    }

    private final MongoCollection<Document> state;

    public SyncStateStore(MongoDatabase database) {
        this.state = database.getCollection(COLLECTION);
    }

    /** The stored value; empty when there is none yet. */
    public Mono<Instant> get(String tenantId, Field field) {
        return Mono.from(state.find(Filters.eq("_id", tenantId)).first())
                .mapNotNull(d -> d.getDate(field.name))
                .map(Date::toInstant);
    }

    /** Moves the value forward to {@code at} (never back); nothing to do when {@code at} is null. */
    public Mono<Void> advance(String tenantId, Field field, Instant at) {
        if (at == null) {
            return Mono.empty();
        }
        return Mono.from(state.updateOne(Filters.eq("_id", tenantId), Updates.max(field.name, Date.from(at)),
                new UpdateOptions().upsert(true))).then();
    }
}
