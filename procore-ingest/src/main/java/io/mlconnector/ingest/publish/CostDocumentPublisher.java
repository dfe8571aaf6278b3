package io.mlconnector.ingest.publish;

import io.mlconnector.events.CostDocument;
import io.mlconnector.ingest.state.PublishedRevisionStore;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.util.Optional;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes a cost document to {@code procore.cost-documents} when its content revision differs from the
 * one last published for that record, then records the revision. The key keeps every version of one
 * record on one partition, in order.
 */
public final class CostDocumentPublisher {

    public enum Outcome { PUBLISHED, UNCHANGED }

    private final KafkaTemplate<String, CostDocument> kafka;
    private final PublishedRevisionStore revisions;

    public CostDocumentPublisher(KafkaTemplate<String, CostDocument> kafka, PublishedRevisionStore revisions) {
        this.kafka = kafka;
        this.revisions = revisions;
    }

    /** The store of what was published (the deletion check reads which records are live). */
    public PublishedRevisionStore revisions() {
        return revisions;
    }

    public Mono<Outcome> publishIfChanged(CostDocument document) {
        return revisions.lastPublished(document.getTenantId(), document.getSourceType(), document.getSourceId())
                .flatMap(last -> isUnchanged(last, document) ? unchanged(last.get(), document) : publish(document));
    }

    private static boolean isUnchanged(Optional<PublishedRevisionStore.Published> last, CostDocument document) {
        return last.isPresent() && last.get().revision().equals(document.getContentRevision());
    }

    /** Unchanged; an entry from before documents were kept gets the document now (the deletion check needs it). */
    private Mono<Outcome> unchanged(PublishedRevisionStore.Published last, CostDocument document) {
        if (last.documentKept()) {
            return Mono.just(Outcome.UNCHANGED);
        }
        return revisions.recordPublished(document).thenReturn(Outcome.UNCHANGED);
    }

    private Mono<Outcome> publish(CostDocument document) {
        String key = EventKeys.of(document.getTenantId(), document.getSourceType(), document.getSourceId());
        // send() waits for topic metadata (up to max.block.ms) the first time and while the broker is away: that
        // wait is Kafka's producer API, not a store call, so it alone is kept off the event loop
        return Mono.fromFuture(() -> kafka.send(Topics.PROCORE_COST_DOCUMENTS, key, document))
                .subscribeOn(Schedulers.boundedElastic())
                .then(revisions.recordPublished(document))
                .thenReturn(Outcome.PUBLISHED);
    }
}
