package io.mlconnector.ingest.sync;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.SourceType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What one sync of one tenant read and published, per document type, and what it cost in Procore calls. */
public final class SyncReport {

    /** One document read, by identity and the revision read (so a summary can follow it through the pipeline). */
    public record ReadDocument(SourceType type, String sourceId, String number, String contentRevision) {
    }

    private final String tenantId;
    private final Map<SourceType, AtomicLong> read = new EnumMap<>(SourceType.class);
    private final Map<SourceType, AtomicLong> published = new EnumMap<>(SourceType.class);
    private final Map<SourceType, AtomicLong> deleted = new EnumMap<>(SourceType.class);
    private final ConcurrentLinkedQueue<ReadDocument> readDocuments = new ConcurrentLinkedQueue<>();
    private final AtomicLong projects = new AtomicLong();
    private volatile long procoreCalls;

    public SyncReport(String tenantId) {
        this.tenantId = tenantId;
        for (SourceType type : SourceType.values()) {
            read.put(type, new AtomicLong());
            published.put(type, new AtomicLong());
            deleted.put(type, new AtomicLong());
        }
    }

    void countRead(CostDocument document) {
        read.get(document.getSourceType()).incrementAndGet();
        readDocuments.add(new ReadDocument(document.getSourceType(), document.getSourceId(), document.getNumber(),
                document.getContentRevision()));
    }

    void countPublished(SourceType type) {
        published.get(type).incrementAndGet();
    }

    /** Records found deleted in Procore and published as deleted (also counted as published). */
    void countDeleted(SourceType type, long n) {
        if (n > 0) {
            deleted.get(type).addAndGet(n);
            published.get(type).addAndGet(n);
        }
    }

    void countProject() {
        projects.incrementAndGet();
    }

    void procoreCalls(long calls) {
        this.procoreCalls = calls;
    }

    public String tenantId() {
        return tenantId;
    }

    public long projects() {
        return projects.get();
    }

    public long procoreCalls() {
        return procoreCalls;
    }

    public Map<SourceType, Long> read() {
        return snapshot(read);
    }

    /** Every document read, in reading order (as many as {@link #read()} counts). */
    public List<ReadDocument> readDocuments() {
        return List.copyOf(readDocuments);
    }

    public Map<SourceType, Long> published() {
        return snapshot(published);
    }

    public Map<SourceType, Long> deleted() {
        return snapshot(deleted);
    }

    public long totalPublished() {
        return published.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static Map<SourceType, Long> snapshot(Map<SourceType, AtomicLong> counts) {
        Map<SourceType, Long> copy = new EnumMap<>(SourceType.class);
        counts.forEach((type, n) -> {
            if (n.get() > 0) {
                copy.put(type, n.get());
            }
        });
        return copy;
    }

    @Override
    public String toString() {
        return "sync of " + tenantId + ": " + projects() + " projects, read " + read() + ", published " + published()
                + (deleted().isEmpty() ? "" : " (found deleted " + deleted() + ")")
                + ", " + procoreCalls + " Procore calls";
    }
}
