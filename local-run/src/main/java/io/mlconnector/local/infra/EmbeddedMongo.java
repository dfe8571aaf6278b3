package io.mlconnector.local.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire-compatible store on loopback (mongo-java-server). With a state folder it is backed by
 * an H2 MVStore file so postings, watermarks and the audit trail survive between runs; otherwise in memory.
 * The services reach it through the real MongoDB driver, exactly as they reach a real replica set.
 *
 * <p>Durability: MVStore commits on its own only every second or so, so a killed process would lose the writes
 * of its last second while the Kafka offsets of the records that caused them were already committed — those
 * records would never be processed again. Here every command that changed the store is committed to the file
 * before it is answered, as a journaled write concern ({@code j:true}) does on a real MongoDB: what the driver saw
 * acknowledged survives a {@code kill -9} of this process (it is in the file, handed to the operating system).
 * An {@code fsync} per write would only add protection against a power loss of this machine, at a far higher cost,
 * so it is left to the OS. MVStore's background writer stays on for its housekeeping (reusing freed space).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongo start(Path stateDir) throws Exception {
        return start(stateDir, 0);
    }

    /** @param port the loopback port to listen on (0: any free one) */
    public static EmbeddedMongo start(Path stateDir, int port) throws Exception {
        MongoServer server;
        if (stateDir == null) {
            server = new MongoServer(new MemoryBackend());
        } else {
            Files.createDirectories(stateDir);
            server = new MongoServer(new CommitPerWriteBackend(stateDir.resolve("mongo.mv")));
        }
        server.bind("127.0.0.1", port);
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

    /** Commits the MVStore after every command that changed it, before the answer goes back to the driver. */
    static final class CommitPerWriteBackend extends H2Backend {

        CommitPerWriteBackend(Path file) {
            super(file.toString());
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                // also after a failed command: part of a multi-document write may have been applied
                MVStore store = getMvStore();
                if (store.hasUnsavedChanges()) {
                    store.commit();
                }
            }
        }
    }
}
