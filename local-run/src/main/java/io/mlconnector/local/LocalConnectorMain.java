package io.mlconnector.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/ml-connector}: {@code local} runs the whole connector on this machine with embedded defaults;
 * {@code ping} checks a tenant's real credentials against Procore and Business Central; {@code snapshot} copies a
 * tenant's Procore and BC companies (GET only) into the sandboxes' data layout; {@code secrets} makes keys
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
            System.err.println("ml-connector: " + e);
            exit = 1;
        }
        System.exit(exit);
    }
}
