package io.mlconnector.mapping.flow;

import io.mlconnector.events.VendorLink;
import io.mlconnector.mapping.admin.MappingAdministration;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import io.mlconnector.service.kafka.BadRecordException;
import io.mlconnector.service.kafka.RecordDecoder;
import java.nio.charset.StandardCharsets;
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
    private final RecordDecoder decoder;

    public VendorLinkListener(MappingAdministration admin, RecordDecoder decoder) {
        this.admin = admin;
        this.decoder = decoder;
    }

    @KafkaListener(topics = Topics.VENDOR_LINKS, groupId = "mapping-service-vendor-links",
            properties = "auto.offset.reset=earliest")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            // a tombstone: the link was removed; its key says which one
            if (record.key() == null) {
                throw new BadRecordException("vendor link tombstone " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + " has no key; it cannot say which link was removed");
            }
            EventKeys.EventKey key;
            long procoreVendorId;
            try {
                key = EventKeys.parse(new String(record.key(), StandardCharsets.UTF_8));
                procoreVendorId = Long.parseLong(key.sourceId());
            } catch (RuntimeException e) {
                throw new BadRecordException("vendor link tombstone " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + " has an unreadable key: " + e.getMessage());
            }
            admin.vendorLinkRemoved(key.tenantId(), procoreVendorId).block(); // a listener thread waits for its record
            return;
        }
        onVendorLink(decoder.value(record, VendorLink.class));
    }

    public void onVendorLink(VendorLink link) {
        // a Kafka listener thread, not an event loop: it waits until the link is stored and its re-drive done
        admin.vendorLinkPublished(link).blockOptional()
                .filter(redrive -> !redrive.resolved().isEmpty() || !redrive.stillParked().isEmpty())
                .ifPresent(redrive -> log.info("tenant {}: Procore vendor {} now linked to BC"
                        + " vendor {}: re-drive resolved {}, {} still parked", link.getTenantId(),
                link.getProcoreVendorId(), link.getBcVendorNumber(), redrive.resolved().size(),
                redrive.stillParked().size()));
    }
}
