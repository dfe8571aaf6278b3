package io.mlconnector.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import io.mlconnector.ingest.support.IngestFixture;
import io.mlconnector.procore.ProcoreApiException;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.ProcoreClientOptions;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.service.clients.ProcoreClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A commitment change order line that names only the commitment line it changes inherits that line's cost code and
 * cost type, so reading it needs the commitment. When Procore answers that read with a 5xx (or 429) past the
 * client's retries, the change order read fails and the next pass tries again: a version of the change order without
 * cost codes must never be produced, because mapping would post it to the wrong account or park it for nothing.
 */
class ChangeOrderReadFailsWhenItsCommitmentCannotBeReadTest {

    private static final long PROJECT = 2001004L;
    private static final long CHANGE_ORDER = 7500401L;
    private static final long COMMITMENT = 7100401L;

    private ProcoreSandbox sandbox;
    private ProjectRead read;

    @BeforeEach
    void start() {
        sandbox = ProcoreSandbox.start(IngestFixture.unthrottled(IngestFixture.DEMO_DATA));
        ProcoreClient client = new ProcoreClients(WebClient.builder(), Clock.systemUTC(),
                ProcoreClientOptions.defaults().withRetries(1, Duration.ofMillis(10), Duration.ofMillis(20)),
                tenantId -> io.mlconnector.procore.ApiCallListener.NONE)
                .forTenant(IngestFixture.tenant("t-co-read", sandbox));
        ProcoreProject project = client.projects().filter(p -> p.id() == PROJECT).blockFirst(Duration.ofSeconds(30));
        read = new ProjectRead("t-co-read", client, project, Map.of(), Instant.now());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static CostDocumentReader commitmentChangeOrders() {
        return Readers.all().stream().filter(r -> r.type() == SourceType.COMMITMENT_CHANGE_ORDER).findFirst()
                .orElseThrow();
    }

    @Test
    void aFailingCommitmentReadFailsTheChangeOrderInsteadOfDroppingItsCodes() {
        sandbox.faults().failNext(1_000, 503, path -> path.endsWith("_contracts/" + COMMITMENT));

        assertThatThrownBy(() -> commitmentChangeOrders().one(read, CHANGE_ORDER).block(Duration.ofSeconds(60)))
                .isInstanceOf(ProcoreApiException.class)
                .satisfies(e -> assertThat(((ProcoreApiException) e).status()).isEqualTo(503));
    }

    @Test
    void aHealthyReadInheritsTheCommitmentLinesCostCode() {
        CostDocument document = commitmentChangeOrders().one(read, CHANGE_ORDER).block(Duration.ofSeconds(60));

        assertThat(document.getLines()).isNotEmpty().allSatisfy(line ->
                assertThat(line.getCostCode()).as("cost code inherited from the commitment line").isNotNull());
    }
}
