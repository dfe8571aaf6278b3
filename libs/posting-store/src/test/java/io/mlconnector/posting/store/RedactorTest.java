package io.mlconnector.posting.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaSJ9.SflKxwRJSMeKKF2QT4fwpM";
    private final Redactor redactor = Redactor.standard();

    @Test
    void masksBearerTokensAndAuthorizationHeaders() {
        assertThat(redactor.redact("GET /companies Authorization: Bearer abc.def-ghi_123"))
                .isEqualTo("GET /companies Authorization: ****");
        assertThat(redactor.redact("sent bearer 0123456789abcdef to BC")).isEqualTo("sent bearer **** to BC");
        assertThat(redactor.redact("{\"Authorization\":\"Bearer x\",\"Accept\":\"application/json\"}"))
                .isEqualTo("{\"Authorization\":\"****\",\"Accept\":\"application/json\"}");
        assertThat(redactor.redact("token was " + JWT + " (expired)")).isEqualTo("token was **** (expired)");
    }

    @Test
    void masksClientSecretsInFormsJsonAndText() {
        assertThat(redactor.redact("grant_type=client_credentials&client_id=harbor-ridge-bc-app&client_secret=bc-sandbox-secret&scope=x"))
                .isEqualTo("grant_type=client_credentials&client_id=harbor-ridge-bc-app&client_secret=****&scope=x");
        assertThat(redactor.redact("{\"client_secret\": \"p@ss word\", \"client_id\": \"app\"}"))
                .isEqualTo("{\"client_secret\": \"****\", \"client_id\": \"app\"}");
        assertThat(redactor.redact("clientSecret=abc; access_token=xyz refresh_token: qqq"))
                .isEqualTo("clientSecret=****; access_token=**** refresh_token: ****");
    }

    @Test
    void masksEncryptedValues() {
        assertThat(redactor.redact("bc.clientSecret=enc:v1:k1:AAECAwQFBgcICQoLDA0ODxAREhM, next"))
                .isEqualTo("bc.clientSecret=****, next");
        assertThat(redactor.redact("stored enc:v1:k1:AAECAwQFBgcICQoLDA0ODxAREhM in file"))
                .isEqualTo("stored enc:v1:**** in file");
        assertThat(redactor.redact("value enc:v1:k2:Zm9vYmFy")).isEqualTo("value enc:v1:****");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "POST /v2.0/7c1d2e3f/Production/api/v2.0/companies(5a1e0000)/purchaseInvoices -> 201, "
                + "vendor V1010 Apex Concrete Inc., amount 12500.00, cost code 03-300";
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void masksKnownLiteralSecretsAndSensitiveAttributeNames() {
        Redactor withTenantSecrets = redactor.alsoMasking(List.of("bc-sandbox-secret", "abc"));

        assertThat(withTenantSecrets.redact("AADSTS7000215 for bc-sandbox-secret")).isEqualTo("AADSTS7000215 for ****");
        assertThat(withTenantSecrets.redact("abc")).as("too short to mask blindly").isEqualTo("abc");
        assertThat(redactor.redactAttributes(Map.of("authorization", "xyz", "webhookToken", "t0k3n", "responseStatus", "201",
                "request", "POST /token client_secret=s3cr3t")))
                .containsEntry("authorization", "****")
                .containsEntry("webhookToken", "****")
                .containsEntry("responseStatus", "201")
                .containsEntry("request", "POST /token client_secret=****");
    }
}
