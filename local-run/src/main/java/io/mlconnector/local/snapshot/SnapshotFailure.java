package io.mlconnector.local.snapshot;

/** A snapshot cannot go on; the message is one line saying what is wrong and what to do. */
final class SnapshotFailure extends RuntimeException {

    SnapshotFailure(String line) {
        super(line, null, false, false);
    }
}
