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
        return Mono.fromCallable(() -> revisions.lastPublished(document.getTenantId(), document.getSourceType(),
                        document.getSourceId()))
                .subscribeOn(Schedulers.boundedElastic())
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
        return Mono.fromRunnable(() -> revisions.recordPublished(document)).subscribeOn(Schedulers.boundedElastic())
                .thenReturn(Outcome.UNCHANGED);
    }

    private Mono<Outcome> publish(CostDocument document) {
        String key = EventKeys.of(document.getTenantId(), document.getSourceType(), document.getSourceId());
        return Mono.fromFuture(() -> kafka.send(Topics.PROCORE_COST_DOCUMENTS, key, document))
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(sent -> revisions.recordPublished(document))
                .thenReturn(Outcome.PUBLISHED);
    }
}
