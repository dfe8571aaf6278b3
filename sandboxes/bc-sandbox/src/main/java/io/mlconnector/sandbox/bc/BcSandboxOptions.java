package io.mlconnector.sandbox.bc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link BcSandbox}. Defaults follow BC online's documented limits (operational-limits-online) except where the
 * sandbox deliberately runs faster (notification delay and retry schedule). Build with {@link #builder()}.
 */
public final class BcSandboxOptions {

    private final String host;
    private final int port;
    private final Path dataDir;
    private final Path statePath;
    private final boolean demoData;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final int maxPageSize;
    private final boolean acceptNestedDimensionSetLines;
    private final int speedLimitRequests;
    private final Duration speedLimitWindow;
    private final Duration retryAfter;
    private final int maxConcurrentPerUser;
    private final int maxQueuedPerUser;
    private final int maxBatchOperations;
    private final Duration notificationDelay;
    private final int collectionThreshold;
    private final List<Duration> notificationRetryDelays;
    private final int maxFailedNotificationAttempts;
    private final Duration handshakeTimeout;
    private final Duration notificationTimeout;
    private final Duration subscriptionLifetime;
    private final int maxSubscriptions;

    private BcSandboxOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.dataDir = b.dataDir;
        this.statePath = b.statePath;
        this.demoData = b.demoData;
        this.clock = b.clock;
        this.tokenLifetime = b.tokenLifetime;
        this.maxPageSize = b.maxPageSize;
        this.acceptNestedDimensionSetLines = b.acceptNestedDimensionSetLines;
        this.speedLimitRequests = b.speedLimitRequests;
        this.speedLimitWindow = b.speedLimitWindow;
        this.retryAfter = b.retryAfter;
        this.maxConcurrentPerUser = b.maxConcurrentPerUser;
        this.maxQueuedPerUser = b.maxQueuedPerUser;
        this.maxBatchOperations = b.maxBatchOperations;
        this.notificationDelay = b.notificationDelay;
        this.collectionThreshold = b.collectionThreshold;
        this.notificationRetryDelays = List.copyOf(b.notificationRetryDelays);
        this.maxFailedNotificationAttempts = b.maxFailedNotificationAttempts;
        this.handshakeTimeout = b.handshakeTimeout;
        this.notificationTimeout = b.notificationTimeout;
        this.subscriptionLifetime = b.subscriptionLifetime;
        this.maxSubscriptions = b.maxSubscriptions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults with the bundled demo data (Harbor Ridge Builders, see demo-data/bc/README.md). */
    public static BcSandboxOptions demo() {
        return builder().demoData().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.dataDir = dataDir;
        b.statePath = statePath;
        b.demoData = demoData;
        b.clock = clock;
        b.tokenLifetime = tokenLifetime;
        b.maxPageSize = maxPageSize;
        b.acceptNestedDimensionSetLines = acceptNestedDimensionSetLines;
        b.speedLimitRequests = speedLimitRequests;
        b.speedLimitWindow = speedLimitWindow;
        b.retryAfter = retryAfter;
        b.maxConcurrentPerUser = maxConcurrentPerUser;
        b.maxQueuedPerUser = maxQueuedPerUser;
        b.maxBatchOperations = maxBatchOperations;
        b.notificationDelay = notificationDelay;
        b.collectionThreshold = collectionThreshold;
        b.notificationRetryDelays = notificationRetryDelays;
        b.maxFailedNotificationAttempts = maxFailedNotificationAttempts;
        b.handshakeTimeout = handshakeTimeout;
        b.notificationTimeout = notificationTimeout;
        b.subscriptionLifetime = subscriptionLifetime;
        b.maxSubscriptions = maxSubscriptions;
        return b;
    }

    public String host() { return host; }
    public int port() { return port; }
    public Path dataDir() { return dataDir; }
    /** Where the sandbox keeps its state between runs (null = nowhere); see {@link SandboxStateFile}. */
    public Path statePath() { return statePath; }
    public boolean demoData() { return demoData; }
    public Clock clock() { return clock; }
    public Duration tokenLifetime() { return tokenLifetime; }
    public int maxPageSize() { return maxPageSize; }
    public boolean acceptNestedDimensionSetLines() { return acceptNestedDimensionSetLines; }
    public int speedLimitRequests() { return speedLimitRequests; }
    public Duration speedLimitWindow() { return speedLimitWindow; }
    public Duration retryAfter() { return retryAfter; }
    public int maxConcurrentPerUser() { return maxConcurrentPerUser; }
    public int maxQueuedPerUser() { return maxQueuedPerUser; }
    public int maxBatchOperations() { return maxBatchOperations; }
    public Duration notificationDelay() { return notificationDelay; }
    public int collectionThreshold() { return collectionThreshold; }
    public List<Duration> notificationRetryDelays() { return notificationRetryDelays; }
    public int maxFailedNotificationAttempts() { return maxFailedNotificationAttempts; }
    public Duration handshakeTimeout() { return handshakeTimeout; }
    public Duration notificationTimeout() { return notificationTimeout; }
    public Duration subscriptionLifetime() { return subscriptionLifetime; }
    public int maxSubscriptions() { return maxSubscriptions; }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Path dataDir;
        private Path statePath;
        private boolean demoData;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofSeconds(3599);
        private int maxPageSize = 20_000;
        private boolean acceptNestedDimensionSetLines = true;
        private int speedLimitRequests = 6_000;
        private Duration speedLimitWindow = Duration.ofMinutes(5);
        private Duration retryAfter = Duration.ofSeconds(1);
        private int maxConcurrentPerUser = 5;
        private int maxQueuedPerUser = 95;
        private int maxBatchOperations = 100;
        private Duration notificationDelay = Duration.ofSeconds(1);
        private int collectionThreshold = 1_000;
        private List<Duration> notificationRetryDelays = List.of(Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1));
        private int maxFailedNotificationAttempts = 5;
        private Duration handshakeTimeout = Duration.ofSeconds(5);
        private Duration notificationTimeout = Duration.ofSeconds(5);
        private Duration subscriptionLifetime = Duration.ofDays(3);
        private int maxSubscriptions = 200;

        /** 0 (default) = an ephemeral port. */
        public Builder port(int port) { this.port = port; return this; }
        public Builder host(String host) { this.host = Objects.requireNonNull(host); return this; }
        /** A data folder (layout in README.md). */
        public Builder dataDir(Path dataDir) { this.dataDir = dataDir; return this; }
        public Builder statePath(Path statePath) { this.statePath = statePath; return this; }
        /** Loads the demo data bundled in the jar (a copy of demo-data/bc). */
        public Builder demoData() { this.demoData = true; return this; }
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }
        public Builder tokenLifetime(Duration d) { this.tokenLifetime = d; return this; }
        public Builder maxPageSize(int n) { this.maxPageSize = n; return this; }
        /** Whether {@code dimensionSetLines} nested in a deep-inserted line are accepted (UNCONFIRMED on real BC). */
        public Builder acceptNestedDimensionSetLines(boolean accept) { this.acceptNestedDimensionSetLines = accept; return this; }
        /** Per-user speed limit: {@code requests} per sliding {@code window}; beyond it 429 with Retry-After. */
        public Builder speedLimit(int requests, Duration window) { this.speedLimitRequests = requests; this.speedLimitWindow = window; return this; }
        /** The Retry-After the sandbox sends with 429/503 (whole seconds on the wire, rounded up). */
        public Builder retryAfter(Duration d) { this.retryAfter = d; return this; }
        public Builder maxConcurrentPerUser(int n) { this.maxConcurrentPerUser = n; return this; }
        public Builder maxQueuedPerUser(int n) { this.maxQueuedPerUser = n; return this; }
        public Builder maxBatchOperations(int n) { this.maxBatchOperations = n; return this; }
        /** Real BC waits ~30 s after the first change before notifying. */
        public Builder notificationDelay(Duration d) { this.notificationDelay = d; return this; }
        /** More changed records than this for one subscription within the delay window -> one "collection" entry. */
        public Builder collectionThreshold(int n) { this.collectionThreshold = n; return this; }
        public Builder notificationRetryDelays(List<Duration> delays) { this.notificationRetryDelays = delays; return this; }
        public Builder maxFailedNotificationAttempts(int n) { this.maxFailedNotificationAttempts = n; return this; }
        public Builder handshakeTimeout(Duration d) { this.handshakeTimeout = d; return this; }
        public Builder notificationTimeout(Duration d) { this.notificationTimeout = d; return this; }
        public Builder subscriptionLifetime(Duration d) { this.subscriptionLifetime = d; return this; }
        public Builder maxSubscriptions(int n) { this.maxSubscriptions = n; return this; }

        public BcSandboxOptions build() {
            return new BcSandboxOptions(this);
        }
    }
}
