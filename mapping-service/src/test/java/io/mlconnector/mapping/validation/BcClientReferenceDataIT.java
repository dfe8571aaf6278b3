package io.mlconnector.mapping.validation;

import io.mlconnector.bc.BcVendor;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.bc.BcClient;
import io.mlconnector.bc.BcClientOptions;
import io.mlconnector.bc.BcConnection;
import io.mlconnector.oauth.Secret;
import io.mlconnector.sandbox.bc.BcSandbox;
import io.mlconnector.sandbox.bc.BcSandboxOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The adapter reads the demo company from the BC sandbox over loopback HTTP (real client, real token flow). */
class BcClientReferenceDataIT {
    private static BcSandbox sandbox;
    private static ReferenceSnapshot snapshot;

    @BeforeAll
    static void load() {
        sandbox = BcSandbox.start(BcSandboxOptions.demo());
        BcConnection connection = new BcConnection(URI.create(sandbox.apiBaseUrl()), URI.create(sandbox.loginBaseUrl()),
                "7c1d2e3f-0000-4000-8000-00000000b001", "Production",
                UUID.fromString("5a1e0000-0000-4000-8000-0000000c0001"), "harbor-ridge-bc-app",
                Secret.of("bc-sandbox-secret"));
        BcClient client = BcClient.create(connection, WebClient.builder(), Clock.systemUTC(), BcClientOptions.defaults());
        snapshot = new BcClientReferenceData(tenant -> client, Clock.systemUTC(), Duration.ofSeconds(20))
                .load("harbor-ridge").block();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void demoDocumentsMapOrParkAsTheCatalogueSaysAgainstTheSandbox() {
        var bc = new CachedBcReferenceData(tenant -> reactor.core.publisher.Mono.just(snapshot), Duration.ofMinutes(15),
                Duration.ofMinutes(1), Clock.systemUTC());
        var mapping = new io.mlconnector.mapping.core.DocumentMapping(new io.mlconnector.mapping.core.CostDocumentMapper(
                tenant -> io.mlconnector.mapping.fixtures.HarborRidge.settings(),
                io.mlconnector.mapping.policy.PostingStrategies.standard(), Clock.systemUTC()),
                tenant -> reactor.core.publisher.Mono.just(io.mlconnector.mapping.fixtures.HarborRidge.ruleSet()),
                (tenant, id) -> reactor.core.publisher.Mono.empty(), bc);
        java.util.function.Function<io.mlconnector.events.CostDocument, io.mlconnector.mapping.core.MappingOutcome> mapper =
                document -> mapping.map(document).block();
        var ok = io.mlconnector.mapping.fixtures.Docs.requisition("1",
                io.mlconnector.mapping.fixtures.Docs.line("r1", "03-300", "S", "1000.00", "100.00"));
        assertThat(mapper.apply(ok)).isInstanceOf(io.mlconnector.mapping.core.MappingOutcome.Mapped.class);
        var bad = io.mlconnector.mapping.fixtures.Docs.document(io.mlconnector.events.SourceType.REQUISITION, "2",
                java.util.List.of(io.mlconnector.mapping.fixtures.Docs.line("a", "99-900", "M", "1.00"),
                        io.mlconnector.mapping.fixtures.Docs.line("b", "04-200", "M", "1.00")))
                .setVendor(io.mlconnector.mapping.fixtures.Docs.vendor(29)).build();
        var parked = (io.mlconnector.mapping.core.MappingOutcome.Parked) mapper.apply(bad);
        assertThat(parked.exception().getReasons()).extracting(r -> r.getCode()).containsExactly(
                "COST_CODE_NOT_MAPPED", "DIMENSION_VALUE_UNKNOWN", "GL_ACCOUNT_BLOCKED", "VENDOR_BLOCKED");
    }

    @Test
    void accountsCarryTheFlagsTheValidatorNeeds() {
        assertThat(snapshot.account("5190")).get().satisfies(a -> assertThat(a.blocked()).isTrue());
        assertThat(snapshot.account("2110")).get().satisfies(a -> assertThat(a.directPosting()).isFalse());
        assertThat(snapshot.account("5100")).get().satisfies(a -> assertThat(a.isPostingType()).isFalse());
        assertThat(snapshot.account("5120")).get().satisfies(a -> assertThat(a.acceptsDirectPosting()).isTrue());
    }

    @Test
    void dimensionsComeWithTheirValues() {
        assertThat(snapshot.dimension("costcode")).get().satisfies(d -> {
            assertThat(d.value("03-300")).isPresent();
            assertThat(d.value("99-900")).isEmpty();
        });
        assertThat(snapshot.dimension("PROJECT")).get().satisfies(d -> assertThat(d.value("2023-009")).isPresent());
    }

    @Test
    void vendorsByIdAndNumberWithBlockedState() {
        assertThat(snapshot.vendorById("8f3c2a10-0000-4000-a000-000000000001")).get()
                .extracting(BcVendor::number).isEqualTo("V1010");
        assertThat(snapshot.vendorByNumber("V1290")).get().satisfies(v -> assertThat(v.blocksInvoices()).isTrue());
        assertThat(snapshot.vendorByNumber("V1300")).isPresent();
    }
}
