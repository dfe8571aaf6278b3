package io.mlconnector.schemas;

import io.mlconnector.events.BcNotification;
import io.mlconnector.events.BcPurchaseOrderObserved;
import io.mlconnector.events.BcSubscriptionState;
import io.mlconnector.events.CostDocument;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.PostingResult;
import io.mlconnector.events.ProcoreWebhookEvent;
import io.mlconnector.events.VendorLink;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The connector's Kafka topics and the Avro record each one carries as its value.
 * Keys are plain strings built by {@link EventKeys}; values are Avro in the Schema Registry wire format
 * (subject {@code <topic>-value}, TopicNameStrategy).
 */
public final class Topics {

    /** Verified Procore webhook deliveries ({@link ProcoreWebhookEvent}), key tenantId|resourceName|resourceId. */
    public static final String PROCORE_WEBHOOK_EVENTS = "procore.webhook-events";
    /** Business Central notifications whose clientState matched ({@link BcNotification}), key tenantId|resource|resourceId. */
    public static final String BC_WEBHOOK_EVENTS = "bc.webhook-events";
    /** Procore cost records as read ({@link CostDocument}), key tenantId|sourceType|sourceId. Other systems subscribe here. */
    public static final String PROCORE_COST_DOCUMENTS = "procore.cost-documents";
    /** Mapped documents ready for BC ({@link PostingRequest}), key tenantId|sourceType|sourceId. */
    public static final String BC_POSTING_REQUESTS = "bc.posting-requests";
    /** What BC made of each posting request ({@link PostingResult}), key tenantId|sourceType|sourceId. */
    public static final String BC_POSTING_RESULTS = "bc.posting-results";
    /** Parked documents and their reasons ({@link MappingException}), key tenantId|sourceType|sourceId. */
    public static final String MAPPING_EXCEPTIONS = "mapping.exceptions";
    /** BC purchase orders new or changed ({@link BcPurchaseOrderObserved}), key tenantId|purchaseOrder|id; polled. */
    public static final String BC_PURCHASE_ORDERS = "bc.purchase-orders";
    /**
     * Procore vendor ↔ BC vendor links ({@link VendorLink}), key tenantId|procoreVendor|procoreVendorId; written by
     * vendor-sync only. Compacted: the latest record per key is the current link, a tombstone removes it, so a
     * consumer that reads from the start rebuilds every tenant's links.
     */
    public static final String VENDOR_LINKS = "vendor.links";
    /** The key's middle part on {@link #VENDOR_LINKS}. */
    public static final String PROCORE_VENDOR = "procoreVendor";

    /**
     * Each BC webhook subscription's latest state ({@link BcSubscriptionState}), key tenantId|subscription|id;
     * <b>compacted</b>: vendor-sync writes it, the webhook-gateway reads it from the beginning into memory.
     */
    public static final String BC_WEBHOOK_SUBSCRIPTIONS = "bc.webhook-subscriptions";

    /** What a dead-letter topic's name adds to the name of the topic whose failed records it keeps. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Map<String, Class<? extends SpecificRecord>> VALUE_TYPES = valueTypes();
    private static final Set<String> COMPACTED = Set.of(BC_WEBHOOK_SUBSCRIPTIONS, VENDOR_LINKS);

    private Topics() {
    }

    /** Every topic, in flow order. */
    public static List<String> all() {
        return List.copyOf(VALUE_TYPES.keySet());
    }

    /** The generated Avro class a topic carries as its value. */
    public static Class<? extends SpecificRecord> valueType(String topic) {
        Class<? extends SpecificRecord> type = VALUE_TYPES.get(topic);
        if (type == null) {
            throw new IllegalArgumentException("Not a connector topic: " + topic + " (known: " + all() + ")");
        }
        return type;
    }

    /**
     * Whether a topic holds the latest state per key ({@code cleanup.policy=compact}) rather than a stream of
     * events: its readers consume it from the beginning, so it must not lose keys to retention.
     */
    public static boolean isCompacted(String topic) {
        return COMPACTED.contains(topic);
    }

    /** The dead-letter topic of {@code topic}: {@code <topic>.dlt}. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Whether {@code topic} is a dead-letter topic ({@code <topic>.dlt}). */
    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX);
    }

    /** The topic a dead-letter topic belongs to. */
    public static String sourceOfDeadLetter(String deadLetterTopic) {
        if (!isDeadLetter(deadLetterTopic)) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic (<topic>"
                    + DEAD_LETTER_SUFFIX + ")");
        }
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DEAD_LETTER_SUFFIX.length());
    }

    /** Schema Registry subject of a topic's values (TopicNameStrategy). */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }

    private static Map<String, Class<? extends SpecificRecord>> valueTypes() {
        Map<String, Class<? extends SpecificRecord>> types = new LinkedHashMap<>();
        types.put(PROCORE_WEBHOOK_EVENTS, ProcoreWebhookEvent.class);
        types.put(BC_WEBHOOK_EVENTS, BcNotification.class);
        types.put(PROCORE_COST_DOCUMENTS, CostDocument.class);
        types.put(BC_POSTING_REQUESTS, PostingRequest.class);
        types.put(BC_POSTING_RESULTS, PostingResult.class);
        types.put(MAPPING_EXCEPTIONS, MappingException.class);
        types.put(BC_PURCHASE_ORDERS, BcPurchaseOrderObserved.class);
        types.put(BC_WEBHOOK_SUBSCRIPTIONS, BcSubscriptionState.class);
        types.put(VENDOR_LINKS, VendorLink.class);
        return Collections.unmodifiableMap(types);
    }
}
