package io.mlconnector.service.kafka;

import io.mlconnector.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * The one table deciding which failures are the record's fault. Everything not listed is {@link FailureKind#TRANSIENT}
 * (retried), on purpose: a wrong "bad data" verdict would move a good record aside, a wrong "transient" one only
 * retries. The cause chain is searched, so a listener's exception wrapped by the container still matches.
 */
public final class Failures {

    /** Exception type (or a subclass of it) anywhere in the cause chain → {@link FailureKind#BAD_DATA}. */
    public static final List<Class<? extends Exception>> BAD_DATA = List.of(
            BadRecordException.class,            // a listener's own verdict, incl. UnreadableRecordException
            DeserializationException.class,      // spring-kafka's ErrorHandlingDeserializer, if a consumer uses it
            NumberFormatException.class,         // an id that is not a number, or outside the 64-bit range
            ArithmeticException.class);          // a number that does not fit (BigDecimal.longValueExact & co.)

    /** For readers of the table: what each kind means for the record. */
    public static final Map<FailureKind, String> MEANING = Map.of(
            FailureKind.BAD_DATA, "moved to " + Topics.deadLetterOf("<topic>") + " at once; a retry cannot succeed",
            FailureKind.TRANSIENT, "retried with back-off; then " + Topics.deadLetterOf("<topic>")
                    + " (re-derivable records) or the partition is held and reported stalled (records that must not"
                    + " be skipped)");

    private Failures() {
    }

    public static FailureKind kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Exception> type : BAD_DATA) {
                if (type.isInstance(t)) {
                    return FailureKind.BAD_DATA;
                }
            }
        }
        return FailureKind.TRANSIENT;
    }

    public static FailureStage stage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnreadableRecordException || t instanceof DeserializationException) {
                return FailureStage.DESERIALIZATION;
            }
        }
        return FailureStage.PROCESSING;
    }

    /**
     * The failure worth reporting: the container wraps the listener's exception ("Listener method ... threw"), so
     * the first cause that is not the container's wrapper.
     */
    public static Throwable reported(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof org.springframework.kafka.listener.ListenerExecutionFailedException
                    || t.getClass().getName().startsWith("org.springframework.kafka."))) {
            t = t.getCause();
        }
        return t;
    }
}
