package io.mlconnector.vendorsync.polling;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * MongoDB collection {@code vendor_sync_state}, one document per tenant ({@code _id = tenantId}):
 * {@code vendorWatermark} / {@code purchaseOrderWatermark} (highest BC lastModifiedDateTime seen),
 * {@code lastNotificationAt} (when the last BC notification for the tenant arrived). Watermarks only move
 * forward ({@code $max}), so a late, older read never moves them back.
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

    public Optional<Instant> get(String tenantId, Field field) {
        Document d = state.find(Filters.eq("_id", tenantId)).first();
        return Optional.ofNullable(d == null ? null : d.getDate(field.name)).map(Date::toInstant);
    }

    /** Moves the value forward to {@code at} (never back). */
    public void advance(String tenantId, Field field, Instant at) {
        if (at != null) {
            state.updateOne(Filters.eq("_id", tenantId), Updates.max(field.name, Date.from(at)),
                    new UpdateOptions().upsert(true));
        }
    }
}
