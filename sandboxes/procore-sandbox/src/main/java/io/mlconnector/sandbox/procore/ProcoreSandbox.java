package io.mlconnector.sandbox.procore;

import java.time.Duration;
import java.util.Objects;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An embeddable stand-in for Procore's login and API hosts on one loopback port. Start it with
 * {@link #start(ProcoreSandboxOptions)}, point both the login base and the API base at {@link #baseUrl()},
 * and use {@link #data()}, {@link #faults()} and {@link #log()} to shape and observe what clients see.
 */
public final class ProcoreSandbox implements AutoCloseable {

    private final DisposableServer server;
    private final SandboxData data;
    private final Faults faults;
    private final RequestLog log;
    private final TokenStore tokens;
    private final ProcoreSandboxOptions options;
    private final Webhooks webhooks;

    private ProcoreSandbox(ProcoreSandboxOptions options) {
        this.options = options;
        this.data = SandboxData.load(options.dataDir(), options.clock());
        this.tokens = new TokenStore(options.clock(), options.tokenLifetime());
        this.faults = new Faults(tokens);
        this.log = new RequestLog();
        RateLimiter limiter = new RateLimiter(options.clock(), options.hourlyLimit(), options.hourlyWindow(),
                options.spikeLimit(), options.spikeWindow());
        String[] base = new String[1];
        this.webhooks = new Webhooks(data, options);
        ProcoreApi api = new ProcoreApi(data, options, () -> base[0], webhooks);
        ProcoreHttpHandler handler = new ProcoreHttpHandler(data, options, tokens, limiter, faults, log, api);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(options.port())
                .handle(handler)
                .bindNow(Duration.ofSeconds(10));
        base[0] = "http://127.0.0.1:" + server.port();
    }

    public static ProcoreSandbox start(ProcoreSandboxOptions options) {
        return new ProcoreSandbox(Objects.requireNonNull(options));
    }

    /** Base URL for both the login host ({@code /oauth/token}) and the API host ({@code /rest/...}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The records; change them to simulate users working in Procore. */
    public SandboxData data() {
        return data;
    }

    /** Hooks created through the Webhooks API and the log of every delivery attempt. */
    public Webhooks webhooks() {
        return webhooks;
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog log() {
        return log;
    }

    public ProcoreSandboxOptions options() {
        return options;
    }

    public int requestCount() {
        return log.requestCount();
    }

    public java.util.List<LoggedRequest> requests() {
        return log.requests();
    }

    public void clearLog() {
        log.clear();
    }

    /** How many access tokens the login host has issued since start. */
    public int tokensIssued() {
        return tokens.issuedCount();
    }

    @Override
    public void close() {
        webhooks.close();
        server.disposeNow(Duration.ofSeconds(5));
    }
}
