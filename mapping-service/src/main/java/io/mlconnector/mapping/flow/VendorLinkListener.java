package io.mlconnector.mapping.flow;

import io.mlconnector.events.VendorLink;
import io.mlconnector.mapping.admin.MappingAdministration;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * vendor-sync's links ({@code vendor.links}, compacted) into mapping-service's read model; a link that changed
 * re-drives the tenant's parked documents. Its own consumer group reading from the start, so a new deployment (or a
 * lost read model) is rebuilt from the topic. A failure is retried until it succeeds (the record is not lost).
 */
public final class VendorLinkListener {

    private static final Logger log = LoggerFactory.getLogger(VendorLinkListener.class);

    private final MappingAdministration admin;

    public VendorLinkListener(MappingAdministration admin) {
        this.admin = admin;
    }

    @KafkaListener(topics = Topics.VENDOR_LINKS, groupId = "mapping-service-vendor-links",
            properties = {"avro.value.type=io.mlconnector.events.VendorLink", "auto.offset.reset=earliest"})
    public void onVendorLink(ConsumerRecord<String, VendorLink> record) {
        VendorLink link = record.value();
        if (link == null) {
            EventKeys.EventKey key = EventKeys.parse(record.key());
            admin.vendorLinkRemoved(key.tenantId(), Long.parseLong(key.sourceId()));
            return;
        }
        admin.vendorLinkPublished(link).filter(redrive -> !redrive.resolved().isEmpty() || !redrive.stillParked().isEmpty())
                .ifPresent(redrive -> log.info("tenant {}: Procore vendor {} now linked to BC"
                        + " vendor {}: re-drive resolved {}, {} still parked", link.getTenantId(),
                link.getProcoreVendorId(), link.getBcVendorNumber(), redrive.resolved().size(),
                redrive.stillParked().size()));
    }
}
