package io.mlconnector.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one {@code --once} run did: documents read per Procore type, documents posted per BC document type,
 * documents parked with their reasons, failures, and the API calls made to each side.
 */
record RunSummary(Map<String, Long> documentsRead, Map<String, Long> documentsPublished,
                  Map<String, Long> postedByBcDocumentType, List<Parked> parked, List<Failed> failed,
                  long alreadyPosted, long waitingForAPerson, Map<String, Long> apiCalls, long durationMillis) {

    record Parked(String sourceType, String sourceId, String number, String stage, List<String> reasons) {
    }

    record Failed(String sourceType, String sourceId, String postingKey, String message) {
    }

    /** 0 when everything that could post did: nothing failed (parked documents wait for a person, by design). */
    int exitCode() {
        return failed.isEmpty() ? 0 : 1;
    }

    long totalPosted() {
        return postedByBcDocumentType.values().stream().mapToLong(Long::longValue).sum();
    }

    void writeJson(Path file) throws Exception {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(file, json.writeValueAsString(this) + "\n");
    }

    String toText() {
        StringBuilder out = new StringBuilder("\n=== ml-connector: one full sync (into the local sandboxes: nothing"
                + " reaches the real Procore or Business Central) ===\n");
        out.append("documents read from Procore:     ").append(new TreeMap<>(documentsRead)).append('\n');
        out.append("new document versions published: ").append(new TreeMap<>(documentsPublished)).append('\n');
        out.append("posted to Business Central:      ").append(new TreeMap<>(postedByBcDocumentType))
                .append(" (").append(totalPosted()).append(" documents");
        if (alreadyPosted > 0) {
            out.append(", ").append(alreadyPosted).append(" already posted earlier");
        }
        out.append(")\n");
        out.append("parked in this run:              ").append(parked.size())
                .append(" (all runs: ").append(waitingForAPerson).append(" waiting for a person; each with why)\n");
        for (Parked p : parked) {
            out.append("  - ").append(p.sourceType()).append(' ').append(p.sourceId())
                    .append(p.number() == null ? "" : " (" + p.number() + ")").append(" [").append(p.stage()).append("]\n");
            p.reasons().forEach(r -> out.append("      ").append(r).append('\n'));
        }
        if (!failed.isEmpty()) {
            out.append("FAILED:                          ").append(failed.size()).append('\n');
            failed.forEach(f -> out.append("  - ").append(f.sourceType()).append(' ').append(f.sourceId())
                    .append(": ").append(f.message()).append('\n'));
        }
        out.append("API calls:                       ").append(new TreeMap<>(apiCalls)).append('\n');
        out.append("took ").append(durationMillis).append(" ms\n");
        return out.toString();
    }
}
