package io.mlconnector.poster.flow;

import io.mlconnector.events.PostingResult;
import io.mlconnector.schemas.EventKeys;
import io.mlconnector.schemas.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes posting results to {@code bc.posting-results} and waits for the acknowledgement. */
public final class PostingResultPublisher {

    private final KafkaTemplate<String, PostingResult> kafka;

    public PostingResultPublisher(KafkaTemplate<String, PostingResult> kafka) {
        this.kafka = kafka;
    }

    public void publish(PostingResult result) {
        String key = EventKeys.of(result.getTenantId(), result.getSourceType(), result.getSourceId());
        try {
            kafka.send(Topics.BC_POSTING_RESULTS, key, result).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the result of " + result.getPostingKey(), e);
        } catch (ExecutionException | TimeoutException e) {
            // The listener fails, the request is redelivered, the workflow answers from the store: no double post.
            throw new IllegalStateException("could not publish the result of " + result.getPostingKey(), e);
        }
    }
}
