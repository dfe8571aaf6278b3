package io.mlconnector.sandbox.procore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone run: {@code ProcoreSandboxMain --port 8091 --data demo-data/procore [--spike-limit 100]
 * [--spike-window-seconds 10] [--hourly-limit 3600] [--token-lifetime-seconds 5400] [--retry-after-on-429]
 * [--webhook-delay-ms 100] [--webhook-requisitions-resource-name NAME] [--webhook-procore-timing]}.
 * Prints one line "procore-sandbox listening on <url>" when ready; stops on SIGTERM/SIGINT.
 */
public final class ProcoreSandboxMain {

    private ProcoreSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcoreSandboxOptions options = parse(args);
        ProcoreSandbox sandbox = ProcoreSandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "procore-sandbox-shutdown"));
        System.out.println("procore-sandbox listening on " + sandbox.baseUrl() + " with " + sandbox.data().counts());
        stopped.await();
    }

    static ProcoreSandboxOptions parse(String[] args) {
        Path data = null;
        int port = 0;
        ProcoreSandboxOptions o = null;
        Integer spike = null;
        Integer spikeSeconds = null;
        Integer hourly = null;
        Integer lifetime = null;
        boolean retryAfter = false;
        UndeclaredParameters undeclared = UndeclaredParameters.REFUSE;
        WebhookOptions webhooks = WebhookOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--spike-limit" -> spike = Integer.parseInt(args[++i]);
                case "--spike-window-seconds" -> spikeSeconds = Integer.parseInt(args[++i]);
                case "--hourly-limit" -> hourly = Integer.parseInt(args[++i]);
                case "--token-lifetime-seconds" -> lifetime = Integer.parseInt(args[++i]);
                case "--retry-after-on-429" -> retryAfter = true;
                case "--ignore-undeclared-parameters" -> undeclared = UndeclaredParameters.IGNORE;
                case "--webhook-delay-ms" -> webhooks = webhooks.withDeliveryDelay(Duration.ofMillis(Long.parseLong(args[++i])));
                case "--webhook-requisitions-resource-name" -> webhooks = webhooks.withRequisitionsResourceName(args[++i]);
                case "--webhook-procore-timing" -> webhooks = WebhookOptions.procoreTiming()
                        .withRequisitionsResourceName(webhooks.requisitionsResourceName());
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required");
        }
        o = ProcoreSandboxOptions.defaults(data).withPort(port).withRetryAfterOn429(retryAfter).withWebhooks(webhooks)
                .withUndeclaredParameters(undeclared);
        if (spike != null || spikeSeconds != null) {
            o = o.withSpikeLimit(spike != null ? spike : o.spikeLimit(),
                    spikeSeconds != null ? Duration.ofSeconds(spikeSeconds) : o.spikeWindow());
        }
        if (hourly != null) {
            o = o.withHourlyLimit(hourly, o.hourlyWindow());
        }
        if (lifetime != null) {
            o = o.withTokenLifetime(Duration.ofSeconds(lifetime));
        }
        return o;
    }
}
