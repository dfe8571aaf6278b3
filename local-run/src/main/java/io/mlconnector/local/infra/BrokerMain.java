package io.mlconnector.local.infra;

import java.io.IOException;
import java.io.InputStream;

/**
 * The broker child's main: Kafka's own {@code kafka.Kafka}, plus a watch on standard input, which is a pipe from
 * the local run. When the local run ends — however it ends, {@code kill -9} included — the operating system closes
 * that pipe; the broker then shuts down cleanly (Kafka's shutdown hook) instead of living on as an orphan that
 * holds its log directory's lock and blocks the next run.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watch = new Thread(() -> {
            try (InputStream parent = System.in) {
                while (parent.read() >= 0) {
                    // the parent writes nothing; any byte is ignored
                }
            } catch (IOException gone) {
                // a broken pipe means the same: the parent is gone
            }
            System.err.println("ml-connector broker: the local run is gone; shutting down");
            System.exit(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        kafka.Kafka.main(args);
    }
}
