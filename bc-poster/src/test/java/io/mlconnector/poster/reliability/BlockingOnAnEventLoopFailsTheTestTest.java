package io.mlconnector.poster.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testing.NoBlockingCalls;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The guard the Spring-booting tests run under really catches a blocking call on a non-blocking thread. */
@ExtendWith(NoBlockingCalls.class)
class BlockingOnAnEventLoopFailsTheTestTest {

    @Test
    void sleepingOnAParallelSchedulerThreadIsRefused() {
        // its own scheduler: the refused call must not disturb the shared one the other tests in this JVM use
        Scheduler nonBlocking = Schedulers.newParallel("blockhound-guard", 1);
        Mono<String> blocking = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return "slept";
        }).subscribeOn(nonBlocking);

        try {
            assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(10))).hasCauseInstanceOf(BlockingOperationError.class);
            // noted as well (code that swallows the error still fails its test); taken here, as this one is on purpose
            assertThat(NoBlockingCalls.takeDetected()).singleElement().asString().contains("Thread.sleep");
        } finally {
            nonBlocking.dispose();
        }
    }
}
