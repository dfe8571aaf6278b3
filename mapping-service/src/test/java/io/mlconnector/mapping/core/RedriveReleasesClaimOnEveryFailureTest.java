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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A re-drive whose publish hangs on Kafka, fails, or is interrupted (its caller went away) gives its claim back at
 * once: the document is PARKED again and listed with the parked ones, not hidden in RESOLVING until the claim times
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
        h.processor.process(Docs.requisition("9000400", line("r1", "04-200", "M", "1000.00", "100.00")));
        h.unblockInBc("5190"); // the account the masonry rule maps onto
        assertThat(h.exceptions.find(key)).get().extracting(s -> s.state()).isEqualTo(ExceptionState.PARKED);
    }

    @Test
    void aKafkaSendThatTimesOutLeavesTheDocumentParked() {
        parkedThenFixable();
        ExceptionRedriver redriver = new ExceptionRedriver(h.mapper, h.exceptions, new FailingOutput(
                () -> {
                    throw new IllegalStateException("could not publish to bc.posting-requests: timed out after 30 s");
                }), h.clock);

        RedriveReport report = redriver.redriveTenant(HarborRidge.TENANT);

        assertThat(report.failed()).containsExactly(key.id());
        assertThat(h.exceptions.find(key)).get().extracting(s -> s.state()).isEqualTo(ExceptionState.PARKED);
    }

    @Test
    void aReDriveInterruptedWhileWaitingForKafkaLeavesTheDocumentParked() throws Exception {
        parkedThenFixable();
        CountDownLatch publishing = new CountDownLatch(1);
        ExceptionRedriver redriver = new ExceptionRedriver(h.mapper, h.exceptions, new FailingOutput(() -> {
            publishing.countDown();
            try {
                Thread.sleep(60_000); // Kafka hangs; the caller goes away and the thread is interrupted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // what KafkaMappingOutput does
                throw new IllegalStateException("interrupted while publishing to bc.posting-requests", e);
            }
        }), h.clock);
        Thread caller = new Thread(() -> redriver.redriveTenant(HarborRidge.TENANT));
        caller.start();
        assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(h.exceptions.find(key)).get().extracting(s -> s.state()).isEqualTo(ExceptionState.RESOLVING);

        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(h.exceptions.find(key)).get().extracting(s -> s.state())
                .as("released at once, not after the claim timeout").isEqualTo(ExceptionState.PARKED);
        assertThat(h.exceptions.list(HarborRidge.TENANT, java.util.Optional.of(ExceptionState.PARKED)))
                .extracting(s -> s.key().id()).contains(key.id());
    }

    @Test
    void anApiReDriveReturnsAJobAtOnceAndFinishesOutsideTheRequest() throws Exception {
        parkedThenFixable();
        CountDownLatch kafkaBack = new CountDownLatch(1);
        ExceptionRedriver redriver = new ExceptionRedriver(h.mapper, h.exceptions, new FailingOutput(() -> {
            try {
                kafkaBack.await(); // a slow broker
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), h.clock);
        try (RedriveJobs jobs = new RedriveJobs(1, Clock.systemUTC())) {
            long started = System.nanoTime();
            RedriveJobs.Job job = jobs.submit(HarborRidge.TENANT, "all", () -> redriver.redriveTenant(HarborRidge.TENANT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(job.status()).isEqualTo(RedriveJobs.Status.RUNNING);
            assertThat(jobs.find(HarborRidge.TENANT, job.id())).get().extracting(RedriveJobs.Job::status)
                    .isEqualTo(RedriveJobs.Status.RUNNING);
            assertThat(jobs.find("another-tenant", job.id())).isEmpty();

            kafkaBack.countDown();
            waitUntil(() -> jobs.find(HarborRidge.TENANT, job.id()).orElseThrow().status() == RedriveJobs.Status.DONE);
            assertThat(jobs.find(HarborRidge.TENANT, job.id()).orElseThrow().report().resolved()).containsExactly(key.id());
            assertThat(h.exceptions.find(key)).get().extracting(s -> s.state()).isEqualTo(ExceptionState.RESOLVED);
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Publishes exceptions; runs {@code onPostingRequest} for posting requests. */
    private static final class FailingOutput implements MappingOutputPort {
        private final Runnable onPostingRequest;

        FailingOutput(Runnable onPostingRequest) {
            this.onPostingRequest = onPostingRequest;
        }

        @Override
        public void publishPostingRequest(PostingRequest request) {
            onPostingRequest.run();
        }

        @Override
        public void publishException(MappingException exception) {
        }
    }
}
