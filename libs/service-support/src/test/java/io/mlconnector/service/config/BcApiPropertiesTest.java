package io.mlconnector.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.bc.BcClientOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BcApiPropertiesTest {

    private static BcApiProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("mlc.bc", BcApiProperties.class);
    }

    @Test
    void defaultsAreBcsOwnLimits() {
        BcClientOptions options = bind(Map.of()).applyTo(BcClientOptions.defaults());
        assertThat(options.maxConcurrentRequests()).isEqualTo(5);
        assertThat(options.circuitBreaker().minimumCalls()).isEqualTo(10);
        assertThat(options.circuitBreaker().openFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void settingsReachTheClientOptions() {
        BcClientOptions options = bind(Map.of("mlc.bc.max-concurrent-requests", "3",
                "mlc.bc.circuit-breaker.minimum-calls", "50", "mlc.bc.circuit-breaker.open-for", "2m"))
                .applyTo(BcClientOptions.defaults());
        assertThat(options.maxConcurrentRequests()).isEqualTo(3);
        assertThat(options.circuitBreaker().minimumCalls()).isEqualTo(50);
        assertThat(options.circuitBreaker().slidingWindowSize()).isEqualTo(50);
        assertThat(options.circuitBreaker().openFor()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aWrongValueIsRefusedWithItsKey() {
        assertThatThrownBy(() -> bind(Map.of("mlc.bc.max-concurrent-requests", "0")))
                .hasStackTraceContaining("mlc.bc.max-concurrent-requests is 0");
        assertThatThrownBy(() -> bind(Map.of("mlc.bc.circuit-breaker.open-for", "0s")))
                .hasStackTraceContaining("mlc.bc.circuit-breaker.open-for is PT0S");
    }
}
