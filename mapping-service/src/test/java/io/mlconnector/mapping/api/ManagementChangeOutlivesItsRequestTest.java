package io.mlconnector.mapping.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A client that goes away (cancels) gets no answer, but the change it asked for is not cut short halfway. */
class ManagementChangeOutlivesItsRequestTest {

    @Test
    void aCancelledRequestLeavesItsWorkRunningToTheEnd() {
        Sinks.Empty<Void> reDriveDone = Sinks.empty();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        Mono<String> work = reDriveDone.asMono().then(Mono.fromCallable(() -> {
            finished.set(true);
            return "saved and re-driven";
        })).doOnCancel(() -> cancelled.set(true));

        Disposable request = Detached.run(work).subscribe();
        request.dispose(); // the client went away
        reDriveDone.tryEmitEmpty();

        assertThat(cancelled).isFalse();
        assertThat(finished).isTrue();
    }
}
