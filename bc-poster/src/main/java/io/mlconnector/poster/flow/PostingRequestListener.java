package io.mlconnector.poster.flow;

import io.mlconnector.events.PostingRequest;
import io.mlconnector.poster.posting.PostingWorkflow;
import io.mlconnector.poster.store.PostingRequestArchive;
import io.mlconnector.schemas.Topics;
import io.mlconnector.service.kafka.BadRecordException;
import io.mlconnector.service.kafka.RecordDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code bc.posting-requests}. The offset is committed only after the result is published, so a
 * crash anywhere redelivers the request and the workflow, which checks its store and BC, finishes the job
 * without posting twice. The workflow is reactive; the listener thread (a Kafka consumer thread, not an event
 * loop) waits for the whole record's processing, archive to published result, before it returns and the
 * container commits the offset: state is durable before the offset that caused it is committed.
 */
public final class PostingRequestListener {

    private final PostingWorkflow workflow;
    private final PostingRequestArchive archive;
    private final PostingResultPublisher results;
    private final RecordDecoder decoder;

    public PostingRequestListener(PostingWorkflow workflow, PostingRequestArchive archive, PostingResultPublisher results,
                                  RecordDecoder decoder) {
        this.workflow = workflow;
        this.archive = archive;
        this.results = results;
        this.decoder = decoder;
    }

    /** The record as consumed (raw bytes, so a failure dead-letters exactly what came in). */
    @KafkaListener(topics = Topics.BC_POSTING_REQUESTS, groupId = "bc-poster")
    public void onRecord(ConsumerRecord<byte[], byte[]> record) {
        onRequest(decoder.value(record, PostingRequest.class));
    }

    public void onRequest(PostingRequest request) {
        if (request.getPostingKey() == null || request.getPostingKey().isBlank()
                || request.getTenantId() == null || request.getTenantId().isBlank()) {
            // the key is what makes posting exactly-once; without it (or a tenant) the request cannot be posted safely
            throw new BadRecordException("posting request for " + request.getSourceType() + " " + request.getSourceId()
                    + " has no posting key or no tenant; it cannot be posted");
        }
        archive.save(request)
                .then(workflow.post(request))
                .flatMap(results::publish)
                .block();
    }
}
