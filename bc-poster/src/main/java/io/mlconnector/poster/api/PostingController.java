package io.mlconnector.poster.api;

import io.mlconnector.events.PostingResult;
import io.mlconnector.poster.flow.PostingResultPublisher;
import io.mlconnector.poster.posting.PostingWorkflow;
import io.mlconnector.poster.store.PostingRequestArchive;
import io.mlconnector.posting.store.AuditEntry;
import io.mlconnector.posting.store.AuditTrail;
import io.mlconnector.posting.store.PostingRecord;
import io.mlconnector.posting.store.PostingState;
import io.mlconnector.posting.store.PostingStateStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The audit trail of any posting or source document, postings by state, and replay of one posting by its
 * key (safe at any time: a posted document answers "already posted" and BC is not called).
 */
@RestController
public class PostingController {

    private final PostingStateStore store;
    private final AuditTrail audit;
    private final PostingRequestArchive archive;
    private final PostingWorkflow workflow;
    private final PostingResultPublisher results;

    public PostingController(PostingStateStore store, AuditTrail audit, PostingRequestArchive archive,
                             PostingWorkflow workflow, PostingResultPublisher results) {
        this.store = store;
        this.audit = audit;
        this.archive = archive;
        this.workflow = workflow;
        this.results = results;
    }

    @GetMapping("/api/postings/{postingKey}")
    public Mono<Map<String, Object>> posting(@PathVariable String postingKey) {
        return store.find(postingKey)
                .switchIfEmpty(Mono.error(() -> notFound("no posting " + postingKey)))
                .flatMap(record -> audit.forPosting(postingKey).map(Json::audit).collectList().map(trail -> {
                    Map<String, Object> body = new LinkedHashMap<>(Json.posting(record));
                    body.put("audit", trail);
                    return body;
                }));
    }

    @GetMapping("/api/tenants/{tenant}/sources/{sourceType}/{sourceId}/audit")
    public Mono<List<Map<String, Object>>> sourceAudit(@PathVariable String tenant, @PathVariable String sourceType,
                                                      @PathVariable String sourceId) {
        return audit.forSource(tenant, sourceType.toUpperCase(java.util.Locale.ROOT), sourceId).map(Json::audit)
                .collectList();
    }

    @GetMapping("/api/tenants/{tenant}/postings")
    public Mono<List<Map<String, Object>>> byState(@PathVariable String tenant, @RequestParam PostingState state) {
        return store.findByState(tenant, state, 500).map(Json::posting).collectList();
    }

    @PostMapping("/api/postings/{postingKey}/replay")
    public Mono<Map<String, Object>> replay(@PathVariable String postingKey) {
        return archive.find(postingKey)
                .switchIfEmpty(Mono.error(() -> notFound("no archived request " + postingKey)))
                .flatMap(workflow::post)
                .flatMap(result -> results.publish(result).thenReturn(Json.result(result)));
    }

    private static ResponseStatusException notFound(String why) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, why);
    }

    /** JSON views; amounts as strings so no client parses money as a float. */
    static final class Json {
        static Map<String, Object> posting(PostingRecord r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("postingKey", r.postingKey());
            m.put("tenantId", r.tenantId());
            m.put("sourceType", r.sourceType());
            m.put("sourceId", r.sourceId());
            m.put("contentRevision", r.contentRevision());
            m.put("documentKind", r.documentKind());
            m.put("state", r.state().name());
            m.put("bcDocumentId", r.bcDocumentId());
            m.put("bcDocumentNumber", r.bcDocumentNumber());
            m.put("attempts", r.attempts());
            m.put("lastError", r.lastError());
            m.put("updatedAt", String.valueOf(r.updatedAt()));
            return m;
        }

        static Map<String, Object> audit(AuditEntry e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", String.valueOf(e.at()));
            m.put("postingKey", e.postingKey());
            m.put("step", e.step().name());
            m.put("summary", e.summary());
            m.put("attributes", e.attributes());
            return m;
        }

        static Map<String, Object> result(PostingResult r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("postingKey", r.getPostingKey());
            m.put("outcome", r.getOutcome().name());
            m.put("documentKind", r.getDocumentKind().name());
            m.put("bcDocumentId", r.getBcDocumentId());
            m.put("bcDocumentNumber", r.getBcDocumentNumber());
            m.put("totalAmount", r.getTotalAmount().toPlainString());
            m.put("message", r.getMessage());
            m.put("bcCalls", r.getBcCalls());
            return m;
        }
    }
}
