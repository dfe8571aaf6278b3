package io.mlconnector.sandbox.bc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/** Weak ETags in BC's style ({@code W/"JzQ0O…"}: base64 of a quoted version string); a new one on every change. */
final class Etags {

    private static final AtomicLong VERSION = new AtomicLong(1000);

    private Etags() {
    }

    static void touch(ObjectNode node) {
        String version = "'" + VERSION.incrementAndGet() + ";" + Long.toHexString(System.nanoTime()) + ";'";
        node.put("@odata.etag", "W/\"" + Base64.getEncoder().encodeToString(version.getBytes(StandardCharsets.UTF_8)) + "\"");
    }
}
