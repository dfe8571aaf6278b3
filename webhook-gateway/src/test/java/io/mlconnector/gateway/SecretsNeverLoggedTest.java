package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_BC_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_CLIENT_STATE;
import static io.mlconnector.gateway.TestTenants.HARBOR_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/** Tokens and clientStates, right or wrong, appear in no log line and no answer, at any gateway log level. */
class SecretsNeverLoggedTest extends GatewayIntegrationTest {

    private static final String WRONG_TOKEN = "guessed-token-5c1e7d";
    private static final String WRONG_CLIENT_STATE = "forged-client-state-9b2a";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger gatewayLogger = (Logger) LoggerFactory.getLogger("io.mlconnector");
    private Level previous;

    @BeforeEach
    void capture() {
        previous = gatewayLogger.getLevel();
        gatewayLogger.setLevel(Level.DEBUG);
        captured.start();
        gatewayLogger.addAppender(captured);
    }

    @AfterEach
    void release() {
        gatewayLogger.detachAppender(captured);
        gatewayLogger.setLevel(previous);
    }

    @Test
    void noSecretInLogsOrAnswers() {
        StringBuilder answers = new StringBuilder();
        answers.append(procore("Bearer " + WRONG_TOKEN, ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 1)));
        answers.append(procore("Bearer " + HARBOR_TOKEN, ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 2)));
        answers.append(procore("Bearer " + HARBOR_TOKEN, "{\"id\": \"" + HARBOR_TOKEN + "\""));
        for (String clientState : List.of(HARBOR_CLIENT_STATE, WRONG_CLIENT_STATE)) {
            answers.append(http.post().uri("/webhooks/bc/{t}", HARBOR).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            {"value":[{"subscriptionId":"s1","clientState":"%s",
                              "resource":"api/v2.0/companies(%s)/vendors(1f000000-0000-4000-8000-000000000001)",
                              "changeType":"updated"}]}""".formatted(clientState, HARBOR_BC_COMPANY))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        }

        assertThat(captured.list).as("the gateway logged something, so the check below means something")
                .isNotEmpty();
        for (String secret : List.of(HARBOR_TOKEN, WRONG_TOKEN, HARBOR_CLIENT_STATE, WRONG_CLIENT_STATE)) {
            assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains(secret));
            assertThat(answers.toString()).doesNotContain(secret);
        }
    }

    private String procore(String auth, String body) {
        return http.post().uri("/webhooks/procore/{t}", HARBOR).header("Authorization", auth)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(String.class).returnResult().getResponseBody();
    }
}
