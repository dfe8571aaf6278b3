package io.mlconnector.vendorsync.vendor;

import io.mlconnector.events.VendorLink;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes links to the compacted topic {@code vendor.links}, keyed by Procore vendor (the latest record per key is
 * the current link). Waits for the acknowledgement: a failed send leaves the link unpublished in the store, and the
 * next reconciliation sends it again.
 */
public final class KafkaVendorLinkFeed implements VendorLinkFeed {

    private final KafkaTemplate<String, VendorLink> kafka;

    public KafkaVendorLinkFeed(KafkaTemplate<String, VendorLink> kafka) {
        this.kafka = kafka;
    }

    /** The record key of a Procore vendor's link. */
    public static String key(String tenantId, long procoreVendorId) {
        return EventKeys.of(tenantId, Topics.PROCORE_VENDOR, Long.toString(procoreVendorId));
    }

    @Override
    public void publish(VendorLink link) {
        try {
            kafka.send(Topics.VENDOR_LINKS, key(link.getTenantId(), link.getProcoreVendorId()), link)
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the link of Procore vendor "
                    + link.getProcoreVendorId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish the link of Procore vendor " + link.getProcoreVendorId()
                    + " to " + Topics.VENDOR_LINKS, e);
        }
    }
}
