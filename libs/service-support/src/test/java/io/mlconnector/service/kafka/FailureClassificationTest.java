package io.mlconnector.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** The table that decides what goes to the dead-letter topic at once, seen through the container's wrapping. */
class FailureClassificationTest {

    @Test
    void badDataIsRecognisedThroughTheContainersWrapper() {
        Exception outOfRange = new ListenerExecutionFailedException("Listener method threw",
                new BadRecordException("resource id '18446744073709551616' is not a Procore id",
                        new NumberFormatException("For input string: \"18446744073709551616\"")));
        assertThat(Failures.kind(outOfRange)).isEqualTo(FailureKind.BAD_DATA);
        assertThat(Failures.stage(outOfRange)).isEqualTo(FailureStage.PROCESSING);
        assertThat(Failures.reported(outOfRange).getMessage()).contains("18446744073709551616");

        Exception unreadable = new ListenerExecutionFailedException("x", new UnreadableRecordException("not Avro", null));
        assertThat(Failures.kind(unreadable)).isEqualTo(FailureKind.BAD_DATA);
        assertThat(Failures.stage(unreadable)).isEqualTo(FailureStage.DESERIALIZATION);

        assertThat(Failures.kind(new ListenerExecutionFailedException("x", new NumberFormatException("x"))))
                .isEqualTo(FailureKind.BAD_DATA);
    }

    @Test
    void everythingElseIsTransient() {
        assertThat(Failures.kind(new ListenerExecutionFailedException("x",
                new IllegalStateException("Procore 503")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(Failures.kind(new NullPointerException())).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void keysAreShownAsTextWithoutControlCharactersOrAsBase64() {
        assertThat(DeadLetterBrowser.printable("t|REQUISITION|1".getBytes())).isEqualTo("t|REQUISITION|1");
        assertThat(DeadLetterBrowser.printable("a\u001b[31mb".getBytes())).isEqualTo("a\\u001b[31mb");
        assertThat(DeadLetterBrowser.printable(new byte[] {(byte) 0xff, 0})).startsWith("base64:");
    }
}
