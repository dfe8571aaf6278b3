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

    public Mono<Outcome> publishIfChanged(CostDocument document) {
        return Mono.fromCallable(() -> revisions.lastPublished(document.getTenantId(), document.getSourceType(),
                        document.getSourceId()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(last -> isUnchanged(last, document) ? Mono.just(Outcome.UNCHANGED) : publish(document));
    }

    private static boolean isUnchanged(Optional<String> last, CostDocument document) {
        return last.isPresent() && last.get().equals(document.getContentRevision());
    }

    private Mono<Outcome> publish(CostDocument document) {
        String key = EventKeys.of(document.getTenantId(), document.getSourceType(), document.getSourceId());
        return Mono.fromFuture(() -> kafka.send(Topics.PROCORE_COST_DOCUMENTS, key, document))
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(sent -> revisions.recordPublished(document.getTenantId(), document.getSourceType(),
                        document.getSourceId(), document.getContentRevision()))
                .thenReturn(Outcome.PUBLISHED);
    }
}
