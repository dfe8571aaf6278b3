package io.mlconnector.local.snapshot;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Options of {@code bin/ml-connector snapshot}.
 *
 * @param tenantFile      the tenants file of the one tenant whose Procore and BC companies are copied
 * @param out             the folder the copy is written to (new or empty)
 * @param payablesAccount the G/L account posted purchase invoices credit in the copy (null = recognised from the
 *                        chart: BC's API does not expose the vendor posting group's payables account)
 */
public record SnapshotOptions(Path tenantFile, Path out, String payablesAccount) {

    public static final String USAGE = """
            usage: bin/ml-connector snapshot --tenant FILE --out DIR [--payables-account NUMBER]
              reads (GET only) the tenant's Procore company and Business Central company and saves them in the
              sandboxes' data layout: DIR/procore and DIR/bc, for bin/ml-connector local --once --tenant FILE
              --procore-data DIR/procore --bc-data DIR/bc --mapping FILE
            """;

    /** Parses the arguments after {@code snapshot}; unknown options are an error, not ignored. */
    public static SnapshotOptions parse(List<String> args) {
        Path tenant = null;
        Path out = null;
        String payables = null;
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.pop();
            switch (arg) {
                case "--tenant" -> tenant = Path.of(value(arg, rest));
                case "--out" -> out = Path.of(value(arg, rest));
                case "--payables-account" -> payables = value(arg, rest).trim();
                default -> throw refused("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (tenant == null || out == null) {
            throw refused("needs --tenant FILE and --out DIR\n" + USAGE);
        }
        return new SnapshotOptions(tenant.toAbsolutePath().normalize(), out.toAbsolutePath().normalize(),
                payables == null || payables.isEmpty() ? null : payables);
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty() || rest.peek().startsWith("--")) {
            throw refused(option + " needs a value\n" + USAGE);
        }
        return rest.pop();
    }

    static IllegalArgumentException refused(String line) {
        return new IllegalArgumentException("ml-connector snapshot: " + line);
    }
}
