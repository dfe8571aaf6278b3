package io.mlconnector.local;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Options of {@code bin/ml-connector local}.
 *
 * @param once          one full sync, a summary, then exit
 * @param summaryJson   where to write the summary as JSON (null = nowhere)
 * @param procoreData   seed folder of the Procore sandbox
 * @param bcData        seed folder of the Business Central sandbox
 * @param mappingFile   reference mapping to seed the demo tenant with
 * @param stateDir      keeps broker, store and sandbox state between runs (null = a temporary folder)
 * @param tenantFile    the tenants file of the one tenant to run (default: the demo tenant,
 *                      demo-data/tenants/harbor-ridge.json)
 */
public record LocalOptions(boolean once, Path summaryJson, Path procoreData, Path bcData, Path mappingFile,
                           Path stateDir, Path tenantFile) {

    static final String USAGE = """
            usage: bin/ml-connector local [--once] [--summary-json FILE] [--tenant FILE] [--procore-data DIR]
                                          [--bc-data DIR] [--mapping FILE] [--state-dir DIR]
                   bin/ml-connector ping --tenant FILE [--allow-plaintext]
                   bin/ml-connector snapshot --tenant FILE --out DIR [--payables-account NUMBER]
                   bin/ml-connector secrets generate-key [KEY_ID] | encrypt | encrypt-file FILE | rotate-file FILE
                   bin/ml-connector dead-letters list --bootstrap HOST:PORT [--topic TOPIC] [--limit N]
                   bin/ml-connector dead-letters redrive --bootstrap HOST:PORT TOPIC PARTITION OFFSET
                   bin/ml-connector replay --group G --topic T (--to-offset N | --to-datetime T | --shift-by N)
                                           [--dry-run] [--bootstrap HOST:PORT | --state-dir DIR]
            """;

    /** Parses the arguments after {@code local}; unknown options are an error, not ignored. */
    public static LocalOptions parse(List<String> args, Path home) {
        boolean once = false;
        Path summary = null;
        Path procore = home.resolve("demo-data/procore");
        Path bc = home.resolve("demo-data/bc");
        Path mapping = home.resolve("demo-data/mapping/harbor-ridge.csv");
        Path state = null;
        Path tenant = home.resolve("demo-data/tenants/harbor-ridge.json");
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.pop();
            switch (arg) {
                case "--once" -> once = true;
                case "--summary-json" -> summary = Path.of(value(arg, rest));
                case "--procore-data" -> procore = Path.of(value(arg, rest));
                case "--bc-data" -> bc = Path.of(value(arg, rest));
                case "--mapping" -> mapping = Path.of(value(arg, rest));
                case "--state-dir" -> state = Path.of(value(arg, rest));
                case "--tenant" -> tenant = Path.of(value(arg, rest));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new LocalOptions(once, summary, procore.toAbsolutePath(), bc.toAbsolutePath(),
                mapping.toAbsolutePath(), state == null ? null : state.toAbsolutePath(), tenant.toAbsolutePath());
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty() || rest.peek().startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return rest.pop();
    }
}
