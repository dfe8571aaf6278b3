package io.mlconnector.poster.flow;

import io.mlconnector.events.PostingRequest;
import io.mlconnector.poster.posting.PostingWorkflow;
import io.mlconnector.poster.store.PostingRequestArchive;
import io.mlconnector.schemas.Topics;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code bc.posting-requests}. The offset is committed only after the result is published, so a
 * crash anywhere redelivers the request and the workflow, which checks its store and BC, finishes the job
 * without posting twice.
 */
public final class PostingRequestListener {

    private final PostingWorkflow workflow;
    private final PostingRequestArchive archive;
    private final PostingResultPublisher results;

    public PostingRequestListener(PostingWorkflow workflow, PostingRequestArchive archive, PostingResultPublisher results) {
        this.workflow = workflow;
        this.archive = archive;
        this.results = results;
    }

    @KafkaListener(topics = Topics.BC_POSTING_REQUESTS, groupId = "bc-poster",
            properties = "avro.value.type=io.mlconnector.events.PostingRequest")
    public void onRequest(PostingRequest request) {
        archive.save(request);
        results.publish(workflow.post(request));
    }
}
