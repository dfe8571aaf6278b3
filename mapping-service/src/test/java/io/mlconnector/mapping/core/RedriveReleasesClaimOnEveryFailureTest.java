package io.mlconnector.mapping.core;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.MappingException;
import io.mlconnector.events.PostingRequest;
import io.mlconnector.events.SourceType;
import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.mapping.fixtures.MongoHarness;
import io.mlconnector.mapping.store.ExceptionKey;
import io.mlconnector.mapping.store.ExceptionState;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A re-drive whose publish hangs on Kafka, fails, or is cancelled (its caller went away, or the service stops) gives
 * its claim back at once: the document is PARKED again and listed with the parked ones, not hidden in RESOLVING until the claim times
 * out. And a re-drive started over the API runs outside the request: the caller gets a job to poll at once.
 */
class RedriveReleasesClaimOnEveryFailureTest {
    private final MongoHarness h = new MongoHarness().seeded();
    private final ExceptionKey key = new ExceptionKey(HarborRidge.TENANT, SourceType.REQUISITION, "9000400");

    @AfterEach
    void close() {
        h.close();
    }

    /** Parks the masonry requisition (04-200/M maps onto a blocked account), then unblocks it in BC (no re-drive yet). */
    private void parkedThenFixable() {
        h.processor.process(Docs.requisition("9000400", line("r1", "04-200", "M", "1000.00", "100.00"))).block();
        h.unblockInBc("5190"); // the account the masonry rule maps onto
        assertThat(h.exceptions.find(key).blockOptional()).get().extracting(s -> s.state()).isEqualTo(ExceptionState.PARKED);
    }

    @Test
    void aKafkaSendThatTimesOutLeavesTheDocumentParked() {
        parkedThenFixable();
        ExceptionRedriver redriver = new ExceptionRedriver(h.mapping, h.exceptions, new FailingOutput(
                () -> Mono.error(new IllegalStateException(
                        "could not publish to bc.posting-requests: timed out after 30 s"))), h.clock);

        RedriveReport report = redriver.redriveTenant(HarborRidge.TENANT).block();

        assertThat(report.failed()).containsExactly(key.id());
        assertThat(h.exceptions.find(key).blockOptional()).get().extracting(s -> s.state()).isEqualTo(ExceptionState.PARKED);
    }

    @Test
    void aReDriveWhoseSubscriberGoesAwayWhileWaitingForKafkaLeavesTheDocumentParked() throws Exception {
        parkedThenFixable();
        CountDownLatch publishing = new CountDownLatch(1);
        ExceptionRedriver redriver = new ExceptionRedriver(h.mapping, h.exceptions, new FailingOutput(() -> {
            publishing.countDown();
            return Mono.never(); // Kafka hangs; the caller goes away (cancels)
        }), h.clock);
        Disposable caller = redriver.redriveTenant(HarborRidge.TENANT).subscribe();
        assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(h.exceptions.find(key).blockOptional()).get().extracting(s -> s.state())
                .isEqualTo(ExceptionState.RESOLVING);

        caller.dispose();

        waitUntil(() -> h.exceptions.find(key).blockOptional().orElseThrow().state() == ExceptionState.PARKED);
        assertThat(h.exceptions.list(HarborRidge.TENANT, java.util.Optional.of(ExceptionState.PARKED))
                .collectList().block()).extracting(s -> s.key().id()).contains(key.id());
    }

    @Test
    void anApiReDriveReturnsAJobAtOnceAndFinishesOutsideTheRequest() throws Exception {
        parkedThenFixable();
        Sinks.Empty<Void> kafkaBack = Sinks.empty();
        ExceptionRedriver redriver = new ExceptionRedriver(h.mapping, h.exceptions,
                new FailingOutput(kafkaBack::asMono), h.clock); // a slow broker
        try (RedriveJobs jobs = new RedriveJobs(1, Clock.systemUTC())) {
            long started = System.nanoTime();
            RedriveJobs.Job job = jobs.submit(HarborRidge.TENANT, "all", () -> redriver.redriveTenant(HarborRidge.TENANT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(job.status()).isEqualTo(RedriveJobs.Status.RUNNING);
            assertThat(jobs.find(HarborRidge.TENANT, job.id())).get().extracting(RedriveJobs.Job::status)
                    .isEqualTo(RedriveJobs.Status.RUNNING);
            assertThat(jobs.find("another-tenant", job.id())).isEmpty();

            kafkaBack.tryEmitEmpty();
            waitUntil(() -> jobs.find(HarborRidge.TENANT, job.id()).orElseThrow().status() == RedriveJobs.Status.DONE);
            assertThat(jobs.find(HarborRidge.TENANT, job.id()).orElseThrow().report().resolved()).containsExactly(key.id());
            assertThat(h.exceptions.find(key).blockOptional()).get().extracting(s -> s.state())
                    .isEqualTo(ExceptionState.RESOLVED);
        }
    }

    @Test
    void jobsCancelledAtShutdownGiveTheirClaimsBack() throws Exception {
        parkedThenFixable();
        CountDownLatch publishing = new CountDownLatch(1);
        ExceptionRedriver redriver = new ExceptionRedriver(h.mapping, h.exceptions, new FailingOutput(() -> {
            publishing.countDown();
            return Mono.never(); // Kafka never answers
        }), h.clock);
        RedriveJobs jobs = new RedriveJobs(1, Clock.systemUTC(), Duration.ofMillis(200));
        jobs.submit(HarborRidge.TENANT, "all", () -> redriver.redriveTenant(HarborRidge.TENANT));
        assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();

        jobs.close();

        waitUntil(() -> h.exceptions.find(key).blockOptional().orElseThrow().state() == ExceptionState.PARKED);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Publishes exceptions; answers posting requests with what {@code onPostingRequest} gives. */
    private static final class FailingOutput implements MappingOutputPort {
        private final Supplier<Mono<Void>> onPostingRequest;

        FailingOutput(Supplier<Mono<Void>> onPostingRequest) {
            this.onPostingRequest = onPostingRequest;
        }

        @Override
        public Mono<Void> publishPostingRequest(PostingRequest request) {
            return Mono.defer(onPostingRequest);
        }

        @Override
        public Mono<Void> publishException(MappingException exception) {
            return Mono.empty();
        }
    }
}
