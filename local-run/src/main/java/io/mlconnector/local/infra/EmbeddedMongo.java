package io.mlconnector.local.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire-compatible store on loopback (mongo-java-server). With a state folder it is backed by
 * an H2 file so postings, watermarks and the audit trail survive between runs; otherwise in memory.
 * The services reach it through the real MongoDB driver, exactly as they reach a real replica set.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongo start(Path stateDir) throws Exception {
        MongoServer server;
        if (stateDir == null) {
            server = new MongoServer(new MemoryBackend());
        } else {
            Files.createDirectories(stateDir);
            server = new MongoServer(new H2Backend(stateDir.resolve("mongo.mv").toString()));
        }
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongo(server, address);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
