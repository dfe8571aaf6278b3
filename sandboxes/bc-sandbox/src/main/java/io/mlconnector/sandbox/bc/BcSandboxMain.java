package io.mlconnector.sandbox.bc;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone: {@code BcSandboxMain [--port N] [--data DIR]}. Without {@code --data} it serves the
 * bundled demo data. Stops on SIGTERM / Ctrl-C.
 */
public final class BcSandboxMain {

    private BcSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        BcSandboxOptions.Builder builder = BcSandboxOptions.builder();
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(args[++i]));
                case "--data" -> data = Path.of(args[++i]);
                case "--host" -> builder.host(args[++i]);
                default -> {
                    System.err.println("usage: BcSandboxMain [--port N] [--data DIR] [--host 127.0.0.1]");
                    System.exit(2);
                }
            }
        }
        if (data == null) {
            builder.demoData();
        } else {
            builder.dataDir(data);
        }
        BcSandbox sandbox = BcSandbox.start(builder.build());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.println("BC sandbox listening: api " + sandbox.apiBaseUrl() + "/v2.0/{tenant}/{environment}/api/v2.0"
                + ", token " + sandbox.loginBaseUrl() + "/{tenant}/oauth2/v2.0/token");
        stopped.await();
    }
}
