package io.mlconnector.poster.reliability;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.testing.NoBlockingCalls;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The guard the Spring-booting tests run under really catches a blocking call on a non-blocking thread. */
@ExtendWith(NoBlockingCalls.class)
class BlockingOnAnEventLoopFailsTheTestTest {

    @Test
    void sleepingOnAParallelSchedulerThreadIsRefused() {
        Mono<String> blocking = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return "slept";
        }).subscribeOn(Schedulers.parallel());

        assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(10))).hasCauseInstanceOf(BlockingOperationError.class);
    }
}
