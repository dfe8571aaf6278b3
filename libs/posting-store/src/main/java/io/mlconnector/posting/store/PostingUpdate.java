package io.mlconnector.posting.store;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.conversions.Bson;

/**
 * The fields a transition may change besides the state. Only these: state, version and times belong to
 * the store. Error text passes through the {@link Redactor} before it is stored.
 */
public final class PostingUpdate {

    private final Redactor redactor;
    private final Map<String, Object> set = new LinkedHashMap<>();
    private int attemptsDelta;
    private boolean resetAttempts;

    PostingUpdate(Redactor redactor) {
        this.redactor = redactor;
    }

    public PostingUpdate documentKind(String documentKind) {
        set.put(Fields.DOCUMENT_KIND, documentKind);
        return this;
    }

    public PostingUpdate bcDocumentId(String bcDocumentId) {
        set.put(Fields.BC_DOCUMENT_ID, bcDocumentId);
        return this;
    }

    public PostingUpdate bcDocumentNumber(String bcDocumentNumber) {
        set.put(Fields.BC_DOCUMENT_NUMBER, bcDocumentNumber);
        return this;
    }

    /** Why it parked or failed, for the person who looks at it (secrets masked). */
    public PostingUpdate lastError(String lastError) {
        set.put(Fields.LAST_ERROR, lastError == null ? null : redactor.redact(lastError));
        return this;
    }

    public PostingUpdate clearLastError() {
        set.put(Fields.LAST_ERROR, null);
        return this;
    }

    public PostingUpdate incrementAttempts() {
        attemptsDelta++;
        resetAttempts = false;
        return this;
    }

    /** For a re-drive or replay: the retry budget starts again. */
    public PostingUpdate resetAttempts() {
        resetAttempts = true;
        attemptsDelta = 0;
        return this;
    }

    List<Bson> toBson() {
        List<Bson> updates = new ArrayList<>();
        set.forEach((field, value) -> updates.add(Updates.set(field, value)));
        if (resetAttempts) {
            updates.add(Updates.set(Fields.ATTEMPTS, 0));
        } else if (attemptsDelta != 0) {
            updates.add(Updates.inc(Fields.ATTEMPTS, attemptsDelta));
        }
        return updates;
    }
}
