package io.mlconnector.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one {@code --once} run did: documents read per Procore type, documents posted per BC document type,
 * documents parked with their reasons, failures, where every document read stands now ({@link #documents}: posted,
 * waiting — where and why —, skipped — why —, or failed), and the API calls each service made, by purpose.
 *
 * @param documents       one entry per distinct document read, see {@link DocumentAccounting}
 * @param apiCallsBy      service -> API -> purpose -> requests, counted as each service sent them
 * @param apiCallsLogged  API -> requests the sandboxes logged receiving in the same time
 */
record RunSummary(Map<String, Long> documentsRead, Map<String, Long> documentsPublished,
                  Map<String, Long> postedByBcDocumentType, List<Parked> parked, List<Failed> failed,
                  long alreadyPosted, long waitingForAPerson, Map<String, Long> apiCalls, long durationMillis,
                  List<Accounted> documents, Map<String, Map<String, Map<String, Long>>> apiCallsBy,
                  Map<String, Long> apiCallsLogged) {

    record Parked(String sourceType, String sourceId, String number, String stage, List<String> reasons) {
    }

    record Failed(String sourceType, String sourceId, String postingKey, String message) {
    }

    enum Outcome { POSTED, WAITING, SKIPPED, FAILED }

    /** One document read and where it stands: {@code where} is the service or system it is at, {@code why} in words. */
    record Accounted(String sourceType, String sourceId, String number, Outcome outcome, String where,
                     List<String> why) {
    }

    /** 0 when everything that could post did: nothing failed (parked documents wait for a person, by design). */
    int exitCode() {
        return failed.isEmpty() && documents.stream().noneMatch(d -> d.outcome() == Outcome.FAILED) ? 0 : 1;
    }

    long totalPosted() {
        return postedByBcDocumentType.values().stream().mapToLong(Long::longValue).sum();
    }

    long totalRead() {
        return documentsRead.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Documents read, per outcome (every outcome present, 0 when none). */
    Map<Outcome, Long> outcomes() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, documents.stream().filter(d -> d.outcome() == o).count());
        }
        return counts;
    }

    /** posted + waiting + skipped + failed. */
    long totalAccounted() {
        return documents.size();
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
        out.append("documents read from Procore:     ").append(totalRead()).append(' ')
                .append(new TreeMap<>(documentsRead)).append('\n');
        out.append("new document versions published: ").append(new TreeMap<>(documentsPublished)).append('\n');
        Map<Outcome, Long> outcomes = outcomes();
        long postedNow = documents.stream().filter(d -> d.outcome() == Outcome.POSTED
                && d.why().stream().anyMatch(w -> w.startsWith("posted in this run"))).count();
        out.append("  posted:  ").append(outcomes.get(Outcome.POSTED)).append("  (").append(postedNow)
                .append(" in this run ").append(new TreeMap<>(postedByBcDocumentType)).append(", ")
                .append(outcomes.get(Outcome.POSTED) - postedNow).append(" already in Business Central)\n");
        out.append("  waiting: ").append(outcomes.get(Outcome.WAITING)).append('\n');
        appendGrouped(out, Outcome.WAITING);
        out.append("  skipped: ").append(outcomes.get(Outcome.SKIPPED)).append("  (not to be posted; nothing to fix)\n");
        appendGrouped(out, Outcome.SKIPPED);
        out.append("  failed:  ").append(outcomes.get(Outcome.FAILED)).append('\n');
        appendGrouped(out, Outcome.FAILED);
        out.append("  ").append(outcomes.get(Outcome.POSTED)).append(" posted + ").append(outcomes.get(Outcome.WAITING))
                .append(" waiting + ").append(outcomes.get(Outcome.SKIPPED)).append(" skipped + ")
                .append(outcomes.get(Outcome.FAILED)).append(" failed = ").append(totalAccounted());
        if (totalAccounted() == totalRead()) {
            out.append(" = documents read: every document read is accounted for\n");
        } else {
            out.append(" but ").append(totalRead()).append(" documents were read: ")
                    .append(Math.abs(totalRead() - totalAccounted())).append(totalRead() > totalAccounted()
                            ? " reads were of a document already read in this sync (each document is counted once)"
                            : " documents accounted for were not counted as read")
                    .append('\n');
        }
        out.append("waiting for a person, whichever run parked it: ").append(waitingForAPerson)
                .append(" (mapping exceptions and postings BC refused)\n");
        appendApiCalls(out);
        out.append("took ").append(durationMillis).append(" ms\n");
        return out.toString();
    }

    /** Per place, with each document and why. */
    private void appendGrouped(StringBuilder out, Outcome outcome) {
        Map<String, List<Accounted>> byPlace = documents.stream().filter(d -> d.outcome() == outcome)
                .collect(Collectors.groupingBy(Accounted::where, TreeMap::new, Collectors.toList()));
        byPlace.forEach((where, docs) -> {
            out.append("    ").append(placeLabel(outcome, where)).append(": ").append(docs.size()).append('\n');
            for (Accounted d : docs) {
                out.append("      - ").append(d.sourceType()).append(' ').append(d.sourceId())
                        .append(d.number() == null ? "" : " (" + d.number() + ")").append('\n');
                d.why().forEach(w -> out.append("          ").append(w).append('\n'));
            }
        });
    }

    private static String placeLabel(Outcome outcome, String where) {
        if (outcome == Outcome.WAITING) {
            return switch (where) {
                case "mapping-service" -> "at mapping-service (fix the mapping rule or vendor link; it re-drives by itself)";
                case "Business Central" -> "at Business Central (BC refused it; fix it in BC, then re-drive the posting)";
                case "Procore" -> "in Procore (its status is not approved yet)";
                case "bc-poster" -> "at bc-poster (posting not finished yet)";
                default -> "at " + where;
            };
        }
        return outcome == Outcome.SKIPPED ? "by " + where + "'s rules" : "at " + where;
    }

    private void appendApiCalls(StringBuilder out) {
        out.append("API calls, as each service sent them (each page, retry and token request counts):\n");
        new TreeMap<>(apiCallsBy).forEach((service, apis) -> new TreeMap<>(apis).forEach((api, purposes) -> {
            out.append("  ").append(service).append(" -> ").append(api).append(": ")
                    .append(purposes.values().stream().mapToLong(Long::longValue).sum()).append('\n');
            StringBuilder line = new StringBuilder("      ");
            for (var purpose : new TreeMap<>(purposes).entrySet()) {
                String item = purpose.getKey() + " " + purpose.getValue();
                if (line.length() > 6 && line.length() + item.length() + 2 > 118) {
                    out.append(line).append(",\n");
                    line = new StringBuilder("      ");
                }
                line.append(line.length() > 6 ? ", " : "").append(item);
            }
            out.append(line).append('\n');
        }));
        new TreeMap<>(apiCallsLogged).forEach((api, logged) -> {
            long sent = apiCallsBy.values().stream().map(apis -> apis.getOrDefault(api, Map.of()))
                    .flatMap(p -> p.values().stream()).mapToLong(Long::longValue).sum();
            out.append("  ").append(api).append(": ").append(sent).append(" sent");
            out.append(sent == logged ? ", the same " + logged + " in the sandbox's request log\n"
                    : "; the sandbox's request log has " + logged + " (" + Math.abs(sent - logged)
                    + (sent > logged ? " without an answer logged yet" : " sent by something other than the five services")
                    + ")\n");
        });
    }
}
