package io.mlconnector.mapping.core;

import static io.mlconnector.mapping.fixtures.Docs.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.ExceptionStatus;
import io.mlconnector.events.MappingException;
import io.mlconnector.events.SourceType;
import io.mlconnector.events.VendorRef;
import io.mlconnector.mapping.fixtures.Docs;
import io.mlconnector.mapping.fixtures.HarborRidge;
import io.mlconnector.mapping.fixtures.MongoHarness;
import io.mlconnector.mapping.rules.MappingRule;
import io.mlconnector.mapping.fixtures.Links;
import io.mlconnector.mapping.store.ExceptionKey;
import io.mlconnector.mapping.store.ExceptionState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Park -> fix the mapping -> the document posts exactly once, and its exception is RESOLVED. */
class RedriveAfterRuleFixPublishesOnceTest {
    private final MongoHarness h = new MongoHarness().seeded();
    private final ExceptionKey key = new ExceptionKey(HarborRidge.TENANT, SourceType.REQUISITION, "9000200");

    @AfterEach
    void close() {
        h.close();
    }

    private CostDocument masonryRequisition() {
        return Docs.requisition("9000200", line("r1", "04-200", "M", "1000.00", "100.00"), line("r2", "03-300", "S", "500.00"));
    }

    @Test
    void fixingTheRuleResolvesAndPublishesExactlyOnce() {
        assertThat(h.processor.process(masonryRequisition()).block()).isInstanceOf(MappingOutcome.Parked.class);
        assertThat(h.output.postingRequests).isEmpty();
        assertThat(h.output.exceptions).extracting(MappingException::getStatus).containsExactly(ExceptionStatus.PARKED);
        assertThat(h.exceptions.find(key).blockOptional()).get().extracting(s -> s.state()).isEqualTo(ExceptionState.PARKED);

        var change = h.admin.putRule(HarborRidge.TENANT, MappingRule.codeAndType("04-200", "M", "5120")).block();

        assertThat(change.redrive().resolved()).containsExactly(key.id());
        assertThat(h.output.postingRequests).hasSize(1);
        assertThat(h.output.postingRequests.get(0).getLines()).extracting(l -> l.getAccountNumber())
                .containsExactly("5120", "5130", "2120");
        assertThat(h.output.postingRequests.get(0).getTotalAmount()).isEqualTo(new BigDecimal("1400.00"));
        assertThat(h.output.exceptions).extracting(MappingException::getStatus)
                .containsExactly(ExceptionStatus.PARKED, ExceptionStatus.RESOLVED);
        assertThat(h.exceptions.find(key).blockOptional()).get().satisfies(stored -> {
            assertThat(stored.state()).isEqualTo(ExceptionState.RESOLVED);
            assertThat(stored.resolution()).isEqualTo("mapped on re-drive");
        });

        assertThat(h.redriver.redriveTenant(HarborRidge.TENANT).block().resolved()).isEmpty();
        assertThat(h.redriver.redriveOne(key).blockOptional()).get().extracting(RedriveReport::notClaimed).isEqualTo(List.of(key.id()));
        assertThat(h.output.postingRequests).hasSize(1);
    }

    @Test
    void concurrentRedrivesPublishOnce() throws Exception {
        h.processor.process(masonryRequisition()).block();
        h.unblockInBc("5190");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<RedriveReport> redrive = () -> h.redriver.redriveTenant(HarborRidge.TENANT).block();
            var futures = pool.invokeAll(List.of(redrive, redrive, redrive, redrive));
            int resolved = 0;
            for (var future : futures) {
                resolved += future.get().resolved().size();
            }
            assertThat(resolved).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(h.output.postingRequests).hasSize(1);
    }

    @Test
    void ruleChangeThatDoesNotFixItKeepsTheDocumentParkedWithoutNoise() {
        h.processor.process(masonryRequisition()).block();
        var change = h.admin.putRule(HarborRidge.TENANT, MappingRule.codeAndType("01-100", "L", "5110")).block();
        assertThat(change.redrive().stillParked()).containsExactly(key.id());
        assertThat(h.exceptions.find(key).blockOptional()).get().satisfies(stored -> {
            assertThat(stored.state()).isEqualTo(ExceptionState.PARKED);
            assertThat(stored.reasons()).extracting(r -> r.code()).containsExactly("GL_ACCOUNT_BLOCKED");
        });
        assertThat(h.output.postingRequests).isEmpty();
        assertThat(h.output.exceptions).hasSize(1); // same reasons: not re-published
    }

    @Test
    void ruleOnABlockedAccountIsRejectedAndNothingChanges() {
        long version = h.rules.ruleSet(HarborRidge.TENANT).block().version();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        h.admin.putRule(HarborRidge.TENANT, MappingRule.codeAndType("09-900", "M", "5190")).block())
                .isInstanceOf(io.mlconnector.mapping.admin.RulesRejectedException.class)
                .hasMessageContaining("blocked");
        assertThat(h.rules.ruleSet(HarborRidge.TENANT).block().version()).isEqualTo(version);
    }

    @Test
    void aManualLinkPublishedByVendorSyncReDrivesTheDocumentsThatWaitedForIt() {
        CostDocument document = Docs.document(SourceType.REQUISITION, "9000201", List.of(line("r1", "03-300", "S", "10.00")))
                .setVendor(new VendorRef(3968031L, "Quickfix Handyman LLC", null)).build();
        h.processor.process(document).block();
        assertThat(h.output.postingRequests).isEmpty();

        RedriveReport report = h.admin.vendorLinkPublished(Links.manual(3968031L, "V1100")).blockOptional().orElseThrow();

        assertThat(report.resolved()).hasSize(1);
        assertThat(h.output.postingRequests).singleElement().extracting(r -> r.getVendorNumber()).isEqualTo("V1100");
        assertThat(h.admin.vendorLinks(HarborRidge.TENANT).collectList().block()).singleElement()
                .satisfies(l -> assertThat(l.getBcVendorNumber()).isEqualTo("V1100"));
        // the compacted topic read again from the start (a restart, a new replica): no second re-drive, nothing twice
        assertThat(h.admin.vendorLinkPublished(Links.manual(3968031L, "V1100")).blockOptional()).isEmpty();
        assertThat(h.output.postingRequests).hasSize(1);
    }

    @Test
    void aLinkToAVendorCreatedInBcSinceTheReferenceDataWasReadStillReDrivesTheDocument() {
        CostDocument document = Docs.document(SourceType.REQUISITION, "9000202", List.of(line("r1", "03-300", "S", "10.00")))
                .setVendor(new VendorRef(3968032L, "Lone Star Rebar Supply", null)).build();
        h.processor.process(document).block();
        h.bcVendors.add(io.mlconnector.bc.BcVendor.of(
                java.util.UUID.fromString("8f3c2a10-0000-4000-a000-000000000131"), "V1310",
                "Lone Star Rebar Supply", io.mlconnector.bc.VendorBlocking.fromWire("_x0020_"))); // created in BC after mapping-service read its vendors

        RedriveReport report = h.admin.vendorLinkPublished(Links.manual(3968032L,
                "8f3c2a10-0000-4000-a000-000000000131", "V1310", java.time.Instant.parse("2026-12-01T00:00:00Z"))).blockOptional()
                .orElseThrow();

        assertThat(report.resolved()).hasSize(1);
        assertThat(h.output.postingRequests).singleElement().extracting(r -> r.getVendorNumber()).isEqualTo("V1310");
    }

    @Test
    void newerRevisionThatMapsResolvesTheParkedOne() {
        h.processor.process(masonryRequisition()).block();
        CostDocument fixedInProcore = Docs.document(SourceType.REQUISITION, "9000200",
                List.of(line("r1", "04-200", "L", "1000.00", "100.00"))).setContentRevision("rev-2").build();
        assertThat(h.processor.process(fixedInProcore).block()).isInstanceOf(MappingOutcome.Mapped.class);
        assertThat(h.exceptions.find(key).blockOptional()).get().extracting(s -> s.state()).isEqualTo(ExceptionState.RESOLVED);
        assertThat(h.redriver.redriveTenant(HarborRidge.TENANT).block().resolved()).isEmpty();
        assertThat(h.output.postingRequests).hasSize(1);
    }

    @Test
    void documentVoidedWhileParkedIsResolvedAsSkipped() {
        h.processor.process(masonryRequisition()).block();
        CostDocument voided = Docs.document(SourceType.REQUISITION, "9000200", List.of(line("r1", "04-200", "M", "1000.00")))
                .setStatus("void").setApproved(false).setContentRevision("rev-3").build();
        assertThat(h.processor.process(voided).block()).isInstanceOf(MappingOutcome.Skipped.class);
        assertThat(h.exceptions.find(key).blockOptional()).get().extracting(s -> s.resolution()).asString().contains("skipped");
    }

    @Test
    void failedPublishLeavesTheDocumentParked() {
        h.processor.process(masonryRequisition()).block();
        var failing = new ExceptionRedriver(h.mapping, h.exceptions, new MappingOutputPort() {
            @Override
            public reactor.core.publisher.Mono<Void> publishPostingRequest(io.mlconnector.events.PostingRequest request) {
                return reactor.core.publisher.Mono.error(new IllegalStateException("broker down"));
            }

            @Override
            public reactor.core.publisher.Mono<Void> publishException(MappingException exception) {
                return reactor.core.publisher.Mono.empty();
            }
        }, h.clock);
        h.unblockInBc("5190");
        assertThat(failing.redriveTenant(HarborRidge.TENANT).block().failed()).containsExactly(key.id());
        assertThat(h.exceptions.find(key).blockOptional()).get().extracting(s -> s.state()).isEqualTo(ExceptionState.PARKED);
        assertThat(h.redriver.redriveTenant(HarborRidge.TENANT).block().resolved()).containsExactly(key.id());
    }

    @Test
    void parkedDocumentRoundTripsThroughTheStore() {
        CostDocument original = masonryRequisition();
        h.processor.process(original).block();
        assertThat(h.exceptions.find(key).blockOptional()).get().satisfies(stored -> {
            assertThat(stored.document()).isEqualTo(original);
            assertThat(stored.parkCount()).isEqualTo(1);
        });
        h.processor.process(original).block();
        assertThat(h.exceptions.find(key).blockOptional()).get().extracting(s -> s.parkCount()).isEqualTo(2);
        assertThat(h.exceptions.list(HarborRidge.TENANT, Optional.of(ExceptionState.PARKED)).collectList().block()).hasSize(1);
    }
}
