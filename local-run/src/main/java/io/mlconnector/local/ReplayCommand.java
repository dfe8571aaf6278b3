package io.mlconnector.local;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code bin/ml-connector replay}: moves a consumer group's committed offsets on one topic with Kafka's Admin API
 * ({@code listOffsets}, {@code alterConsumerGroupOffsets}), like {@code kafka-consumer-groups.sh --reset-offsets}.
 * Kafka changes a group's offsets only while it has no members:
 * <ul>
 *   <li>{@code --state-dir DIR} (the local run's state folder): the running local run stops that group's consumers
 *       (only those, through its {@link ConsumerControl}), the offsets move, and they start again;
 *   <li>{@code --bootstrap HOST:PORT} (a cluster): scale the service's Deployment to 0 first; a group with members is
 *       refused.
 * </ul>
 * Targets are clamped to what the partition still holds (earliest..end); {@code --dry-run} prints the plan only.
 */
final class ReplayCommand {

    static final String USAGE = """
            usage: bin/ml-connector replay --group G --topic T (--to-offset N | --to-datetime T | --shift-by N)
                                           [--dry-run] [--bootstrap HOST:PORT [--command-config FILE] | --state-dir DIR]
              --command-config: Kafka client properties (security.protocol, sasl.*, ssl.*) for the cluster
              --to-datetime takes ISO-8601, e.g. 2026-10-01T00:00:00Z (without an offset: UTC)
              --state-dir: the folder of a running `bin/ml-connector local` (it stops and restarts that group's consumers)
              --bootstrap: a cluster; scale the group's Deployment to 0 first (kubectl scale deploy/<release>-ml-connector-<service> --replicas=0)
            """;

    /** What to reset: exactly one of toOffset, toDatetime, shiftBy is set. */
    record Options(String group, String topic, Long toOffset, Instant toDatetime, Long shiftBy, boolean dryRun,
                   String bootstrap, Path stateDir, Path commandConfig) {
    }

    private ReplayCommand() {
    }

    static Options parse(List<String> args) {
        String group = null;
        String topic = null;
        Long toOffset = null;
        Instant toDatetime = null;
        Long shiftBy = null;
        boolean dryRun = false;
        String bootstrap = null;
        Path stateDir = null;
        Path commandConfig = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--group" -> group = value(args, ++i, arg);
                case "--topic" -> topic = value(args, ++i, arg);
                case "--to-offset" -> toOffset = number(value(args, ++i, arg), arg, 0);
                case "--shift-by" -> shiftBy = number(value(args, ++i, arg), arg, Long.MIN_VALUE);
                case "--to-datetime" -> toDatetime = datetime(value(args, ++i, arg));
                case "--dry-run" -> dryRun = true;
                case "--bootstrap" -> bootstrap = value(args, ++i, arg);
                case "--state-dir" -> stateDir = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--command-config" -> commandConfig = Path.of(value(args, ++i, arg)).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (group == null || topic == null) {
            throw new IllegalArgumentException("--group and --topic are required\n" + USAGE);
        }
        int targets = (toOffset == null ? 0 : 1) + (toDatetime == null ? 0 : 1) + (shiftBy == null ? 0 : 1);
        if (targets != 1) {
            throw new IllegalArgumentException("give exactly one of --to-offset, --to-datetime, --shift-by\n" + USAGE);
        }
        if ((bootstrap == null) == (stateDir == null)) {
            throw new IllegalArgumentException("give either --state-dir DIR (a running local run) or --bootstrap"
                    + " HOST:PORT (a cluster)\n" + USAGE);
        }
        return new Options(group, topic, toOffset, toDatetime, shiftBy, dryRun, bootstrap, stateDir, commandConfig);
    }

    static int run(List<String> args, PrintStream out) throws Exception {
        Options options = parse(args);
        LocalControl local = options.stateDir() == null ? null : LocalControl.read(options.stateDir());
        String bootstrap = local == null ? options.bootstrap() : local.bootstrap();
        java.util.Properties config = new java.util.Properties();
        if (options.commandConfig() != null) { // SASL / TLS client settings, as kafka-consumer-groups.sh takes them
            try (var in = Files.newInputStream(options.commandConfig())) {
                config.load(in);
            }
        }
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, Long> plan = plan(admin, options, out);
            if (options.dryRun()) {
                out.println("dry run: nothing changed");
                return 0;
            }
            if (local != null) {
                local.post(options.group(), "stop");
            }
            try {
                awaitNoMembers(admin, options.group(), local != null ? Duration.ofSeconds(60) : Duration.ZERO);
                Map<TopicPartition, OffsetAndMetadata> offsets = new TreeMap<>(ReplayCommand::byPartition);
                plan.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
                admin.alterConsumerGroupOffsets(options.group(), offsets).all().get(30, TimeUnit.SECONDS);
                out.println("group " + options.group() + " reset on " + plan.size() + " partition(s) of " + options.topic());
            } finally {
                if (local != null) {
                    local.post(options.group(), "start");
                    out.println("consumers of " + options.group() + " started again in the local run");
                }
            }
        }
        return 0;
    }

    /** Per partition: current committed offset → target, clamped to [earliest, end]; printed as a table. */
    static Map<TopicPartition, Long> plan(Admin admin, Options options, PrintStream out) throws Exception {
        var description = admin.describeTopics(List.of(options.topic())).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(options.topic());
        List<TopicPartition> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(options.topic(), p.partition())).toList();
        Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, ListOffsetsResultInfo> end = offsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> atTime = options.toDatetime() == null ? Map.of()
                : offsets(admin, partitions, OffsetSpec.forTimestamp(options.toDatetime().toEpochMilli()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(options.group())
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> plan = new TreeMap<>(ReplayCommand::byPartition);
        out.printf("%-40s %10s %10s %10s%n", "partition", "committed", "target", "end");
        for (TopicPartition tp : partitions) {
            long low = earliest.get(tp).offset();
            long high = end.get(tp).offset();
            OffsetAndMetadata current = committed.get(tp);
            long target;
            if (options.toOffset() != null) {
                target = options.toOffset();
            } else if (options.toDatetime() != null) {
                long found = atTime.get(tp).offset();
                target = found < 0 ? high : found; // no record at or after that time: the end
            } else {
                target = (current == null ? high : current.offset()) + options.shiftBy();
            }
            target = Math.max(low, Math.min(high, target));
            plan.put(tp, target);
            out.printf("%-40s %10s %10d %10d%n", tp, current == null ? "-" : current.offset(), target, high);
        }
        return plan;
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, List<TopicPartition> partitions,
                                                                      OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new TreeMap<>(ReplayCommand::byPartition);
        partitions.forEach(tp -> request.put(tp, spec));
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
    }

    private static void awaitNoMembers(Admin admin, String group, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(30, TimeUnit.SECONDS).get(group);
            if (description.members().isEmpty()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("consumer group " + group + " still has " + description.members().size()
                        + " member(s); Kafka resets offsets only of a group without members. On a cluster scale its"
                        + " Deployment to 0 first (kubectl scale deploy/<release>-ml-connector-<service> --replicas=0),"
                        + " then run replay again and scale back.");
            }
            Thread.sleep(500);
        }
    }

    private static int byPartition(TopicPartition a, TopicPartition b) {
        int topic = a.topic().compareTo(b.topic());
        return topic != 0 ? topic : Integer.compare(a.partition(), b.partition());
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static long number(String text, String option, long min) {
        try {
            long n = Long.parseLong(text);
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs " + (min == 0 ? "an offset (0 or more)" : "a whole number")
                    + ", not " + text);
        }
    }

    private static Instant datetime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--to-datetime needs ISO-8601 such as 2026-10-01T00:00:00Z, not " + text);
            }
        }
    }

    /** The running local run's Kafka address and consumer control, from {@code <state dir>/control.json}. */
    record LocalControl(String bootstrap, URI control, String token) {

        private static final Pattern FIELD = Pattern.compile("\"(bootstrap|control|token)\":\"([^\"]*)\"");

        static LocalControl read(Path stateDir) throws Exception {
            Path file = stateDir.resolve(ConsumerControl.FILE);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no running local run in " + stateDir + " (" + ConsumerControl.FILE
                        + " missing): start it with bin/ml-connector local --state-dir " + stateDir);
            }
            Map<String, String> fields = new TreeMap<>();
            Matcher m = FIELD.matcher(Files.readString(file));
            while (m.find()) {
                fields.put(m.group(1), m.group(2));
            }
            return new LocalControl(fields.get("bootstrap"), URI.create(fields.get("control")), fields.get("token"));
        }

        void post(String group, String action) throws Exception {
            HttpResponse<Void> response;
            try {
                response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                control.resolve("/consumers/" + group + "/" + action))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(90))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the local run in its state folder is not answering (" + e.getMessage()
                        + "): is it still running?");
            }
            if (response.statusCode() == 404) {
                throw new IllegalArgumentException("no consumer of group " + group + " in the local run (groups:"
                        + " procore-ingest, mapping-service, mapping-service-reference-data,"
                        + " mapping-service-vendor-links, bc-poster, vendor-sync)");
            }
            if (response.statusCode() != 204) {
                throw new IllegalStateException("the local run answered " + response.statusCode() + " to " + action
                        + " of group " + group);
            }
        }
    }

}
