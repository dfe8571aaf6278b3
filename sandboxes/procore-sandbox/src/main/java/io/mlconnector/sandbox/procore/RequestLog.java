package io.mlconnector.sandbox.procore;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every request the sandbox answered, in arrival-completion order, for assertions about client behaviour. */
public final class RequestLog {

    private final ConcurrentLinkedQueue<LoggedRequest> entries = new ConcurrentLinkedQueue<>();

    void add(LoggedRequest request) {
        entries.add(request);
    }

    public List<LoggedRequest> requests() {
        return List.copyOf(entries);
    }

    public List<LoggedRequest> requests(Predicate<LoggedRequest> filter) {
        return entries.stream().filter(filter).toList();
    }

    public int requestCount() {
        return entries.size();
    }

    public long count(Predicate<LoggedRequest> filter) {
        return entries.stream().filter(filter).count();
    }

    /** Requests per path family ("GET /rest/v1.1/requisitions", "POST /oauth/token", ...), sorted by family. */
    public Map<String, Long> countsByFamily() {
        return entries.stream().collect(Collectors.groupingBy(LoggedRequest::family, TreeMap::new, Collectors.counting()));
    }

    public void clear() {
        entries.clear();
    }
}
