package io.mlconnector.bc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.oauth.Secret;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The environment name goes into every URL: reject anything BC would not accept as a name (docs/api-facts.md). */
class EnvironmentNameValidationTest {

    private static BcConnection connection(String environment) {
        return new BcConnection(URI.create("https://api.businesscentral.dynamics.com"),
                URI.create("https://login.microsoftonline.com"), "7c1d2e3f-0000-4000-8000-00000000b001", environment,
                UUID.randomUUID(), "app", Secret.of("s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Production", "Sandbox_2", "uat-eu", "A", "abcdefghijklmnopqrstuvwxyz123"})
    void validNamesAreAccepted(String name) {
        assertThatCode(() -> connection(name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1prod", "prod/../x", "prod env", "prod?x=1", "abcdefghijklmnopqrstuvwxyz1234", "Ünicode"})
    void invalidNamesAreRejectedNamingTheRule(String name) {
        assertThatThrownBy(() -> connection(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fewer than 30 characters, start with a letter");
    }
}
