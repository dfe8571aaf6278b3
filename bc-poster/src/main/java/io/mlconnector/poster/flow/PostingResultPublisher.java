package io.mlconnector.poster.flow;

import io.mlconnector.events.PostingResult;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.time.Duration;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Publishes posting results to {@code bc.posting-results}; completes when the broker acknowledged the result. */
public final class PostingResultPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, PostingResult> kafka;

    public PostingResultPublisher(KafkaTemplate<String, PostingResult> kafka) {
        this.kafka = kafka;
    }

    /**
     * Fails when the broker did not acknowledge within 30 s: the listener then fails, the request is redelivered and
     * the workflow answers from the store, so nothing is posted twice.
     */
    public Mono<Void> publish(PostingResult result) {
        String key = EventKeys.of(result.getTenantId(), result.getSourceType(), result.getSourceId());
        return Mono.fromFuture(() -> kafka.send(Topics.BC_POSTING_RESULTS, key, result))
                // KafkaProducer.send may wait for topic metadata (up to max.block.ms) before it hands back its future
                // (https://kafka.apache.org/documentation/#producerconfigs_max.block.ms): it is called off the event loop.
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(ACK_TIMEOUT)
                .onErrorMap(e -> new IllegalStateException("could not publish the result of " + result.getPostingKey()
                        + " to " + Topics.BC_POSTING_RESULTS + ": " + e.getMessage(), e))
                .then();
    }
}
