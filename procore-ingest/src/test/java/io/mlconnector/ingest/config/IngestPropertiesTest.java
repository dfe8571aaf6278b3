package io.mlconnector.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.service.config.ProcoreApiProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class IngestPropertiesTest {

    private static Binder binder(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values));
    }

    @Test
    void defaultsRegisterNoHookWithoutAGatewayUrl() {
        IngestProperties properties = binder(Map.of()).bindOrCreate("mlc.ingest", IngestProperties.class);
        assertThat(properties.watermarkOverlap()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.deletionCheckInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.webhookResources()).isEmpty();
        assertThat(properties.registersWebhooks()).isFalse();
    }

    @Test
    void aGatewayUrlTurnsRegistrationOnUnlessSwitchedOff() {
        IngestProperties on = binder(Map.of("mlc.ingest.webhook-base-url", "https://connector.example.com",
                "mlc.ingest.webhook-resources", " Commitments , , Requisitions"))
                .bindOrCreate("mlc.ingest", IngestProperties.class);
        assertThat(on.registersWebhooks()).isTrue();
        assertThat(on.webhookResources()).containsExactly("Commitments", "Requisitions");
        assertThat(binder(Map.of("mlc.ingest.webhook-base-url", "https://connector.example.com",
                "mlc.ingest.webhook-registration-enabled", "false")).bindOrCreate("mlc.ingest", IngestProperties.class)
                .registersWebhooks()).isFalse();
    }

    @Test
    void wrongValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> binder(Map.of("mlc.ingest.watermark-overlap", "0s"))
                .bindOrCreate("mlc.ingest", IngestProperties.class))
                .hasStackTraceContaining("mlc.ingest.watermark-overlap is PT0S");
        assertThatThrownBy(() -> binder(Map.of("mlc.ingest.webhook-base-url", "connector.example.com"))
                .bindOrCreate("mlc.ingest", IngestProperties.class))
                .hasStackTraceContaining("mlc.ingest.webhook-base-url is 'connector.example.com'");
        assertThatThrownBy(() -> binder(Map.of("mlc.procore.per-page", "0"))
                .bindOrCreate("mlc.procore", ProcoreApiProperties.class))
                .hasStackTraceContaining("mlc.procore.per-page is 0");
    }
}
