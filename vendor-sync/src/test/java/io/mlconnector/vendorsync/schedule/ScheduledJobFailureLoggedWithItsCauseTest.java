package io.mlconnector.vendorsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mlconnector.bc.BcApiException;
import io.mlconnector.oauth.Secret;
import io.mlconnector.tenant.BcSettings;
import io.mlconnector.tenant.ProcoreSettings;
import io.mlconnector.tenant.Tenant;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A scheduled job that fails on a defect (a null pointer in the reconciliation) must leave its stack trace in the
 * log, or nobody can find where it broke; a Procore / BC outage stays one line per run.
 */
class ScheduledJobFailureLoggedWithItsCauseTest {

    private static final Tenant TENANT = new Tenant("acme", "Acme",
            new BcSettings("t", "Production", UUID.randomUUID(), "c", Secret.of("s"), URI.create("http://127.0.0.1:1"),
                    URI.create("http://127.0.0.1:1")),
            new ProcoreSettings(1L, "c", Secret.of("s"), List.of(), URI.create("http://127.0.0.1:1"),
                    URI.create("http://127.0.0.1:1")),
            Secret.of("token"), Secret.of("state"), null, null);

    private final Logger logger = (Logger) LoggerFactory.getLogger(VendorSyncJobs.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void aDefectIsLoggedWithItsStackTrace() {
        VendorSyncJobs.each(TENANT, "reconciliation", () -> {
            throw new NullPointerException("vendor link has no Procore id");
        }).block();
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).contains("acme").contains("reconciliation");
            assertThat(e.getThrowableProxy()).as("the cause, with its stack trace").isNotNull();
            assertThat(e.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        });
    }

    @Test
    void anOutageOfTheOtherSideIsOneLine() {
        VendorSyncJobs.each(TENANT, "vendor poll", () -> {
            throw new BcApiException(503, "ServiceUnavailable", "try later", null, null);
        }).block();
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).contains("503");
            assertThat(e.getThrowableProxy()).isNull();
        });
    }
}
