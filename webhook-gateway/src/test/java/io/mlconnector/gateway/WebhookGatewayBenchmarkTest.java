package io.mlconnector.gateway;

import static io.mlconnector.gateway.TestTenants.HARBOR;
import static io.mlconnector.gateway.TestTenants.HARBOR_COMPANY;
import static io.mlconnector.gateway.TestTenants.HARBOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Load on loopback: distinct Procore deliveries posted by a fixed number of concurrent clients to the running
 * gateway (real broker acks=all, real MongoDB-wire dedupe store). Prints throughput and acknowledgement latency
 * percentiles and checks every delivery landed on the topic. Excluded from the default build (tag "benchmark");
 * see README.md. Sizes: -Dgateway.benchmark.requests (20000), -Dgateway.benchmark.concurrency (32).
 */
@Tag("benchmark")
class WebhookGatewayBenchmarkTest extends GatewayIntegrationTest {

    private static final int REQUESTS = Integer.getInteger("gateway.benchmark.requests", 20_000);
    private static final int CONCURRENCY = Integer.getInteger("gateway.benchmark.concurrency", 32);
    private static final int WARMUP = Math.min(2_000, REQUESTS / 10);

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void throughputAndAckLatencyUnderConcurrentLoad() throws IOException {
        ConnectionProvider pool = ConnectionProvider.builder("benchmark").maxConnections(CONCURRENCY)
                .pendingAcquireMaxCount(-1).build();
        HttpClient client = HttpClient.create(pool).baseUrl("http://127.0.0.1:" + port)
                .headers(h -> h.set("Authorization", "Bearer " + HARBOR_TOKEN).set("Content-Type", "application/json"))
                .responseTimeout(Duration.ofSeconds(10));
        try {
            Map<TopicPartition, Long> before = procoreTopic.mark();
            run(client, WARMUP, new long[WARMUP]);

            long[] latencies = new long[REQUESTS];
            long started = System.nanoTime();
            int failures = run(client, REQUESTS, latencies);
            double seconds = (System.nanoTime() - started) / 1e9;

            Arrays.sort(latencies);
            String report = String.format(
                    "webhook-gateway benchmark: %d deliveries, %d concurrent, %.2f s -> %.0f deliveries/s;"
                            + " ack latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; non-202 answers: %d%n",
                    REQUESTS, CONCURRENCY, seconds, REQUESTS / seconds, millis(latencies, 0.50),
                    millis(latencies, 0.99), latencies[latencies.length - 1] / 1e6, failures);
            io.micrometer.core.instrument.Timer publish = meters.find("mlc.gateway.publish")
                    .tag("topic", "procore.webhook-events").tag("result", "ok").timer();
            if (publish != null) {
                report += String.format("  of which Kafka send->ack: mean %.2f ms, max %.2f ms over %d sends%n",
                        publish.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                        publish.max(java.util.concurrent.TimeUnit.MILLISECONDS), publish.count());
            }
            System.out.print(report);
            Path out = Path.of("target", "benchmark", "webhook-gateway.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);

            assertThat(failures).isZero();
            Map<TopicPartition, Long> after = procoreTopic.mark();
            long published = after.entrySet().stream().mapToLong(e -> e.getValue() - before.get(e.getKey())).sum();
            assertThat(published).as("every acknowledged delivery is on the topic").isEqualTo(REQUESTS + WARMUP);
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    /** Sends {@code count} distinct deliveries, {@link #CONCURRENCY} at a time; returns how many were not 202. */
    private static int run(HttpClient client, int count, long[] latencies) {
        AtomicInteger failures = new AtomicInteger();
        AtomicLong index = new AtomicLong();
        Flux.range(0, count)
                .flatMap(i -> {
                    String body = ProcorePayloads.v2(ProcorePayloads.ulid(), HARBOR_COMPANY, 1_000_000L + i);
                    long sent = System.nanoTime();
                    return client.post().uri("/webhooks/procore/" + HARBOR)
                            .send(ByteBufFlux.fromString(Mono.just(body)))
                            .responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
                            .onErrorReturn(-1)
                            .doOnNext(status -> {
                                latencies[(int) index.getAndIncrement()] = System.nanoTime() - sent;
                                if (status != 202) {
                                    failures.incrementAndGet();
                                }
                            });
                }, CONCURRENCY)
                .blockLast(Duration.ofMinutes(5));
        return failures.get();
    }

    private static double millis(long[] sorted, double quantile) {
        int at = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, at)] / 1e6;
    }
}
