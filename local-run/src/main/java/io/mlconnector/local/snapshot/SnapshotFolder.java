package io.mlconnector.local.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Where a snapshot is written: a hidden folder beside {@code --out} that becomes {@code --out} only once everything
 * has been read, so a failed or interrupted snapshot never leaves a half copy that looks complete. An existing
 * {@code --out} must be an empty folder: a snapshot never overwrites or mixes with other data.
 */
final class SnapshotFolder {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path out;
    private final Path work;
    private long files;

    private SnapshotFolder(Path out, Path work) {
        this.out = out;
        this.work = work;
    }

    /** Refuses an {@code --out} that is a file or a folder with something in it, in one line. */
    static SnapshotFolder prepare(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw SnapshotOptions.refused("--out " + out + " is a file; give a new or empty folder");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw SnapshotOptions.refused("--out " + out + " is not empty; give a new or empty folder (a"
                            + " snapshot never overwrites an earlier one)");
                }
            } catch (IOException e) {
                throw SnapshotOptions.refused("--out " + out + " cannot be read: " + e.getMessage());
            }
        }
        Path parent = out.getParent();
        try {
            Files.createDirectories(parent);
            Path work = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
            return new SnapshotFolder(out, work);
        } catch (IOException e) {
            throw SnapshotOptions.refused("--out " + out + ": cannot write in " + parent + " (" + e.getMessage()
                    + "); choose a folder you can write to");
        }
    }

    Path out() {
        return out;
    }

    Path procore() {
        return work.resolve("procore");
    }

    Path bc() {
        return work.resolve("bc");
    }

    long filesWritten() {
        return files;
    }

    /** Writes records as a JSON array, the form every sandbox data file takes. */
    void writeArray(Path file, List<JsonNode> records) {
        ArrayNode array = JSON.createArrayNode();
        records.forEach(array::add);
        write(file, array);
    }

    void write(Path file, JsonNode node) {
        if (!file.startsWith(work)) {
            throw new IllegalArgumentException(file + " is outside the snapshot");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(node) + "\n");
            files++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Everything was read: the copy becomes {@code --out}. */
    void commit() {
        try {
            Files.deleteIfExists(out); // only ever an empty folder (checked in prepare)
            try {
                Files.move(work, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(work, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the snapshot from " + work + " to " + out + ": " + e.getMessage(), e);
        }
    }

    /** Something failed: nothing of this snapshot stays behind. */
    void discard() {
        if (!Files.exists(work)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a hidden .partial folder may stay; it is never read as a snapshot
        }
    }
}
