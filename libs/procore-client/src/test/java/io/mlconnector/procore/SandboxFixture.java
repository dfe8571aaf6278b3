package io.mlconnector.procore;

import io.mlconnector.oauth.Secret;
import io.mlconnector.sandbox.procore.LoggedRequest;
import io.mlconnector.sandbox.procore.ProcoreSandbox;
import io.mlconnector.sandbox.procore.ProcoreSandboxOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.reactive.function.client.WebClient;

/** A real sandbox on loopback plus a client pointed at it (login and API on the same port). */
final class SandboxFixture implements AutoCloseable {

    static final long COMPANY = 5001234L;

    final ProcoreSandbox sandbox;
    final ProcoreClient client;
    final List<ApiCall> calls = new CopyOnWriteArrayList<>();

    SandboxFixture(ProcoreSandboxOptions sandboxOptions, Clock clientClock, ProcoreClientOptions clientOptions) {
        this.sandbox = ProcoreSandbox.start(sandboxOptions);
        URI base = URI.create(sandbox.baseUrl());
        ProcoreConnection connection = new ProcoreConnection(base, base, COMPANY, "harbor-ridge-procore",
                Secret.of("procore-sandbox-secret"));
        this.client = ProcoreClient.create(connection, WebClient.builder(), clientClock, clientOptions, calls::add);
    }

    static SandboxFixture defaults() {
        return new SandboxFixture(ProcoreSandboxOptions.defaults(demoData()), Clock.systemUTC(), fastRetries());
    }

    static ProcoreClientOptions fastRetries() {
        return ProcoreClientOptions.defaults().withRetries(3, Duration.ofMillis(20), Duration.ofMillis(100));
    }

    static Path demoData() {
        try {
            return Path.of(Objects.requireNonNull(SandboxFixture.class.getResource("/procore-demo-data/clients.json")).toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    List<LoggedRequest> apiRequests() {
        return sandbox.log().requests(r -> r.path().startsWith("/rest/"));
    }

    long count(int status) {
        return sandbox.log().count(r -> r.status() == status);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
