package io.mlconnector.vendorsync.vendor;

import io.mlconnector.events.VendorLink;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import io.mlconnector.vendorsync.KafkaSends;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes links to the compacted topic {@code vendor.links}, keyed by Procore vendor (the latest record per key is
 * the current link). Completes on the acknowledgement: a failed send leaves the link unpublished in the store, and
 * the next reconciliation sends it again.
 */
public final class KafkaVendorLinkFeed implements VendorLinkFeed {

    private final KafkaTemplate<String, VendorLink> kafka;
    private final KafkaSends sends;

    public KafkaVendorLinkFeed(KafkaTemplate<String, VendorLink> kafka, KafkaSends sends) {
        this.kafka = kafka;
        this.sends = sends;
    }

    /** The record key of a Procore vendor's link. */
    public static String key(String tenantId, long procoreVendorId) {
        return EventKeys.of(tenantId, Topics.PROCORE_VENDOR, Long.toString(procoreVendorId));
    }

    @Override
    public Mono<Void> publish(VendorLink link) {
        return sends.send(kafka, Topics.VENDOR_LINKS, key(link.getTenantId(), link.getProcoreVendorId()), link,
                "the link of Procore vendor " + link.getProcoreVendorId());
    }
}
