package io.mlconnector.sandbox.bc;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Saves the sandbox's state after every write request, before that request is answered: Business Central's writes
 * are durable when it answers, so a local run killed right after BC said "posted" must find the document in BC
 * when it starts again. Saves are grouped: a request that waited while another save ran finds its write already
 * covered by it (the snapshot is taken after its write finished) and returns without writing again.
 */
final class StatePersister {

    private final SandboxState state;
    private final Path file;
    private final AtomicLong writesDone = new AtomicLong();
    private final Object saving = new Object();
    private long saved; // guarded by saving
    private final AtomicLong saves = new AtomicLong();

    StatePersister(SandboxState state, Path file) {
        this.state = state;
        this.file = file;
    }

    /** Called once a write request's changes are in the state; returns when they are in the file. */
    void afterWrite() {
        long mine = writesDone.incrementAndGet();
        synchronized (saving) {
            if (saved >= mine) {
                return;
            }
            long upTo = writesDone.get(); // every write numbered up to here has finished changing the state
            String json;
            synchronized (state) {
                json = SandboxStateFile.snapshot(state);
            }
            SandboxStateFile.write(json, file);
            saved = upTo;
            saves.incrementAndGet();
        }
    }

    /** Everything, whatever changed it (test mutations included); at close. */
    void saveNow() {
        synchronized (saving) {
            long upTo = writesDone.get();
            String json;
            synchronized (state) {
                json = SandboxStateFile.snapshot(state);
            }
            SandboxStateFile.write(json, file);
            saved = upTo;
            saves.incrementAndGet();
        }
    }

    long saves() {
        return saves.get();
    }
}
