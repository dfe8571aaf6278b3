package io.mlconnector.local;

import io.mlconnector.service.kafka.DeadLetterBrowser;
import io.mlconnector.service.kafka.DeadLetters;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/ml-connector dead-letters list|redrive}: the records the services moved aside, read straight from Kafka
 * (no consumer group, nothing committed), and re-driven to their source topic. The same as each consuming service's
 * {@code /api/dead-letters}, for a broker reachable from here (the local run prints its address).
 * <pre>
 * dead-letters list --bootstrap HOST:PORT [--topic TOPIC] [--limit N]
 * dead-letters redrive --bootstrap HOST:PORT TOPIC PARTITION OFFSET
 * </pre>
 */
final class DeadLetterCommand {

    static final String USAGE = """
            usage: bin/ml-connector dead-letters list --bootstrap HOST:PORT [--topic TOPIC] [--limit N]
                   bin/ml-connector dead-letters redrive --bootstrap HOST:PORT TOPIC PARTITION OFFSET
            """;

    private DeadLetterCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        String bootstrap = null;
        String topic = null;
        int limit = 50;
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--bootstrap" -> bootstrap = value(args, ++i, arg);
                case "--topic" -> topic = value(args, ++i, arg);
                case "--limit" -> limit = number(value(args, ++i, arg), "--limit");
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                    }
                    positional.add(arg);
                }
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap HOST:PORT is required: the Kafka address the local run"
                    + " printed, or your cluster's\n" + USAGE);
        }
        DeadLetterBrowser browser = new DeadLetterBrowser(Map.of("bootstrap.servers", bootstrap), Duration.ofSeconds(10));
        switch (args.get(0)) {
            case "list" -> {
                List<String> topics = topic == null ? DeadLetters.CONSUMED_TOPICS : List.of(topic);
                int n = 0;
                for (String t : topics) {
                    for (DeadLetterBrowser.DeadLetter d : browser.list(t, limit)) {
                        out.printf("%s %d %d  %s  key=%s  from=%s-%s@%s  %s/%s after %s attempt(s): %s%n", d.topic(),
                                d.partition(), d.offset(), d.timestamp(), d.key(), d.originalTopic(), d.originalPartition(),
                                d.originalOffset(), d.failureKind(), d.failureStage(), d.attempts(), d.failureMessage());
                        n++;
                    }
                }
                out.println(n + " dead letter(s)");
                return 0;
            }
            case "redrive" -> {
                if (positional.size() != 3) {
                    throw new IllegalArgumentException("redrive needs TOPIC PARTITION OFFSET, as listed\n" + USAGE);
                }
                var done = browser.redrive(positional.get(0), number(positional.get(1), "PARTITION"),
                        number(positional.get(2), "OFFSET"));
                if (done.isEmpty()) {
                    out.println("no dead letter at " + positional.get(0) + " partition " + positional.get(1) + " offset "
                            + positional.get(2) + " (never written, or removed by retention)");
                    return 1;
                }
                out.println("re-driven to " + done.get().topic() + " partition " + done.get().partition() + " offset "
                        + done.get().offset());
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown dead-letters command " + args.get(0) + "\n" + USAGE);
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + text + "'");
        }
    }
}
