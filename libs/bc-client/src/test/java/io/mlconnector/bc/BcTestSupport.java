package io.mlconnector.bc;

import io.mlconnector.oauth.Secret;
import io.mlconnector.sandbox.bc.BcSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.reactive.function.client.WebClient;

/** Demo-data identities (catalogue in demo-data/README.md) and a client wired to a running sandbox. */
final class BcTestSupport {

    static final String TENANT = "7c1d2e3f-0000-4000-8000-00000000b001";
    static final UUID COMPANY = UUID.fromString("5a1e0000-0000-4000-8000-0000000c0001");
    static final UUID APEX_CONCRETE = UUID.fromString("8f3c2a10-0000-4000-a000-000000000001");
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private BcTestSupport() {
    }

    static BcConnection connection(BcSandbox sandbox, String environment, String secret) {
        return new BcConnection(URI.create(sandbox.apiBaseUrl()), URI.create(sandbox.loginBaseUrl()), TENANT,
                environment, COMPANY, "harbor-ridge-bc-app", Secret.of(secret));
    }

    static BcClient client(BcSandbox sandbox) {
        return client(sandbox, fastRetries(BcClientOptions.defaults()));
    }

    static BcClient client(BcSandbox sandbox, BcClientOptions options) {
        return BcClient.create(connection(sandbox, "Production", "bc-sandbox-secret"), WebClient.builder(),
                Clock.systemUTC(), options);
    }

    static BcClientOptions fastRetries(BcClientOptions options) {
        return options.withRetries(3, Duration.ofMillis(20), Duration.ofMillis(200));
    }

    static List<DimensionAssignment> dims(String project, String costCode, String costType) {
        return List.of(new DimensionAssignment("PROJECT", project), new DimensionAssignment("COSTCODE", costCode),
                new DimensionAssignment("COSTTYPE", costType));
    }

    static PurchaseInvoiceDraft invoice(String vendorNumber, String vendorInvoiceNumber, String account, String amount) {
        return new PurchaseInvoiceDraft(null, vendorNumber, vendorInvoiceNumber, LocalDate.parse("2026-09-15"),
                LocalDate.parse("2026-09-15"), null, List.of(
                        new PurchaseInvoiceLineDraft("Concrete pour level 2", account, BigDecimal.ONE, new BigDecimal(amount),
                                dims("2024-001", "03-300", "M")),
                        new PurchaseInvoiceLineDraft("Pump truck", "5140", new BigDecimal("2"), new BigDecimal("450.25"),
                                dims("2024-001", "03-300", "E"))));
    }

}
