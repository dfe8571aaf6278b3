package io.mlconnector.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/ml-connector}: {@code local} runs the whole connector on this machine with embedded defaults;
 * {@code ping} checks a tenant's real credentials against Procore and Business Central; {@code snapshot} copies a
 * tenant's Procore and BC companies (GET only) into the sandboxes' data layout; {@code dead-letters} lists and
 * re-drives dead-lettered records; {@code replay} resets a consumer group's offsets; {@code secrets} makes keys
 * and encrypts tenants files ({@code TenantSecretsTool}).
 */
public final class LocalConnectorMain {

    private LocalConnectorMain() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("mlc.home", ".")).toAbsolutePath().normalize();
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        int exit;
        try {
            exit = switch (args.length == 0 ? "" : args[0]) {
                case "local" -> LocalRun.run(LocalOptions.parse(rest, home), home).exitCode();
                case "ping" -> TenantPing.run(rest, System.out);
                case "snapshot" -> io.mlconnector.local.snapshot.SnapshotCommand.run(rest, System.out, System.err,
                        System.getenv());
                case "dead-letters" -> DeadLetterCommand.run(rest, System.out);
                case "replay" -> ReplayCommand.run(rest, System.out);
                case "secrets" -> {
                    io.mlconnector.tenant.TenantSecretsTool.main(rest.toArray(String[]::new)); // exits itself
                    yield 0;
                }
                default -> {
                    System.err.print(LocalOptions.USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exit = 2;
        } catch (Exception e) {
            // an unexpected failure: say what happened in words; the stack trace only when asked for
            System.err.println("ml-connector: " + args[0] + " failed: "
                    + (e.getMessage() == null ? "an unexpected error" : e.getMessage())
                    + ". Run again with MLC_DEBUG=1 for the technical details.");
            if (System.getenv("MLC_DEBUG") != null) {
                e.printStackTrace();
            }
            exit = 1;
        }
        System.exit(exit);
    }
}
