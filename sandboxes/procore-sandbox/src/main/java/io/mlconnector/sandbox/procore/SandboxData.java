package io.mlconnector.sandbox.procore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's records, in the real API's JSON shapes, loaded from a data folder and changeable at run time.
 * Every change stamps {@code updated_at} from the sandbox clock, so incremental reads see it the way they
 * would in Procore. Reads hand out deep copies: callers can never change stored state by accident.
 */
public final class SandboxData {

    private record Key(Resource resource, long ownerId) {
    }

    private final Clock clock;
    private final List<SandboxClient> clients = new ArrayList<>();
    private final List<ObjectNode> companies = new ArrayList<>();
    private final Map<Key, List<ObjectNode>> records = new LinkedHashMap<>();
    private final Map<Long, Long> projectCompany = new LinkedHashMap<>();
    private long nextId = 9_000_000_000L; // ids for added records; above the demo ranges and beyond 32 bits on purpose

    SandboxData(Clock clock) {
        this.clock = clock;
    }

    static SandboxData load(Path dir, Clock clock) {
        SandboxData data = new SandboxData(clock);
        for (JsonNode c : readArray(dir.resolve("clients.json"))) {
            Set<Long> ids = new HashSet<>();
            c.path("company_ids").forEach(id -> ids.add(id.asLong()));
            data.clients.add(new SandboxClient(c.path("client_id").asString(), c.path("client_secret").asString(), ids));
        }
        readArray(dir.resolve("companies.json")).forEach(c -> data.companies.add((ObjectNode) c));
        for (ObjectNode company : data.companies) {
            long cid = company.path("id").asLong();
            Path companyDir = dir.resolve("companies").resolve(Long.toString(cid));
            for (Resource r : Resource.values()) {
                if (r.scope() == Resource.Scope.COMPANY) {
                    data.put(r, cid, readArray(companyDir.resolve(r.fileName())));
                }
            }
            for (ObjectNode project : data.records.getOrDefault(new Key(Resource.PROJECTS, cid), List.of())) {
                long pid = project.path("id").asLong();
                data.projectCompany.put(pid, cid);
                Path projectDir = companyDir.resolve("projects").resolve(Long.toString(pid));
                for (Resource r : Resource.values()) {
                    if (r.scope() == Resource.Scope.PROJECT) {
                        data.put(r, pid, readArray(projectDir.resolve(r.fileName())));
                    }
                }
            }
        }
        return data;
    }

    private static List<JsonNode> readArray(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode node = SandboxJson.MAPPER.readTree(Files.readString(file));
            if (!node.isArray()) {
                throw new IllegalArgumentException(file + " must hold a JSON array");
            }
            List<JsonNode> out = new ArrayList<>();
            node.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(Resource resource, long owner, List<JsonNode> nodes) {
        List<ObjectNode> list = records.computeIfAbsent(new Key(resource, owner), k -> new ArrayList<>());
        nodes.forEach(n -> list.add((ObjectNode) n));
    }

    // ---- state kept between runs (a local run with --state-dir) ----

    /**
     * Writes every record (as changed by API writes and test mutations) to one JSON file, so a restarted sandbox
     * holds what the previous run left in "Procore", as the real one would. Clients and companies come from the
     * data folder each start.
     */
    public synchronized void saveState(Path file) {
        ObjectNode root = SandboxJson.MAPPER.createObjectNode();
        root.put("nextId", nextId);
        var list = root.putArray("records");
        records.forEach((key, nodes) -> {
            ObjectNode entry = list.addObject();
            entry.put("resource", key.resource().name());
            entry.put("ownerId", key.ownerId());
            var items = entry.putArray("items");
            nodes.forEach(n -> items.add(n.deepCopy()));
        });
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "procore-sandbox", ".tmp");
            Files.writeString(tmp, SandboxJson.MAPPER.writeValueAsString(root));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save Procore sandbox state to " + file, e);
        }
    }

    private volatile Path keptIn;

    /**
     * Restores the records saved in {@code file} (if any) and from now on saves them there after every API write,
     * before it is answered, so a process killed right after loses nothing the sandbox acknowledged.
     */
    public void keepStateIn(Path file) {
        restoreState(file);
        keptIn = file;
    }

    /** After an API write: the records to the state file, when there is one. */
    void saveAfterWrite() {
        Path file = keptIn;
        if (file != null) {
            saveState(file);
        }
    }

    /** Replaces the seeded records with those saved by {@link #saveState(Path)}; no file, no change. */
    public synchronized void restoreState(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root;
        try {
            root = SandboxJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Procore sandbox state " + file, e);
        }
        records.clear();
        projectCompany.clear();
        nextId = Math.max(nextId, root.path("nextId").asLong(nextId));
        for (JsonNode entry : root.path("records")) {
            Resource resource = Resource.valueOf(entry.path("resource").asString());
            long owner = entry.path("ownerId").asLong();
            List<JsonNode> items = new ArrayList<>();
            entry.path("items").forEach(items::add);
            put(resource, owner, items);
            if (resource == Resource.PROJECTS) {
                items.forEach(p -> projectCompany.put(p.path("id").asLong(), owner));
            }
        }
    }

    // ---- reads used by the HTTP layer and by tests ----

    public synchronized List<SandboxClient> clients() {
        return List.copyOf(clients);
    }

    /**
     * Installs an app (client credentials) in companies, replacing a client of the same id: how a local run lets a
     * customer's own client id and secret sign in to a copy of its data.
     */
    public synchronized void addClient(SandboxClient client) {
        clients.removeIf(c -> c.clientId().equals(client.clientId()));
        clients.add(client);
    }

    public synchronized Optional<SandboxClient> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    public synchronized List<ObjectNode> companies() {
        return companies.stream().map(ObjectNode::deepCopy).toList();
    }

    /** The company that owns a project, if the project exists. */
    public synchronized Optional<Long> companyOfProject(long projectId) {
        return Optional.ofNullable(projectCompany.get(projectId));
    }

    /** All records of a collection, deleted ones included, ordered by id. */
    public synchronized List<ObjectNode> all(Resource resource, long ownerId) {
        return records.getOrDefault(new Key(resource, ownerId), List.of()).stream()
                .map(ObjectNode::deepCopy)
                .sorted(Comparator.comparingLong(n -> n.path("id").asLong()))
                .toList();
    }

    public synchronized Optional<ObjectNode> find(Resource resource, long ownerId, long id) {
        return stored(resource, ownerId, id).map(ObjectNode::deepCopy);
    }

    // ---- mutations for tests and the local run ----

    /** Changes a record in place and bumps its {@code updated_at}; returns the new state. Webhooks see an "update". */
    public ObjectNode update(Resource resource, long ownerId, long id, Consumer<ObjectNode> change) {
        ObjectNode result;
        synchronized (this) {
            result = mutate(resource, ownerId, id, change);
        }
        fire(resource, ownerId, id, "update");
        return result;
    }

    /**
     * Soft-deletes a record the way Procore does: {@code deleted_at} set, visible with include_deleted. Webhooks see
     * a "delete".
     */
    public ObjectNode delete(Resource resource, long ownerId, long id) {
        ObjectNode result;
        synchronized (this) {
            String now = now();
            result = mutate(resource, ownerId, id, n -> n.put("deleted_at", now));
        }
        fire(resource, ownerId, id, "delete");
        return result;
    }

    /** Adds a record; gives it an id if it has none and stamps created_at/updated_at. Webhooks see a "create". */
    public ObjectNode add(Resource resource, long ownerId, ObjectNode record) {
        ObjectNode node = record.deepCopy();
        synchronized (this) {
            if (!node.hasNonNull("id")) {
                node.put("id", nextId++);
            }
            String now = now();
            if (!node.hasNonNull("created_at")) {
                node.put("created_at", now);
            }
            node.put("updated_at", now);
            if (!node.has("deleted_at") && resource != Resource.VENDORS && resource != Resource.PROJECTS) {
                node.putNull("deleted_at");
            }
            records.computeIfAbsent(new Key(resource, ownerId), k -> new ArrayList<>()).add(node);
            if (resource == Resource.PROJECTS) {
                projectCompany.put(node.path("id").asLong(), ownerId);
            }
            node = node.deepCopy();
        }
        fire(resource, ownerId, node.path("id").asLong(), "create");
        return node;
    }

    private ObjectNode mutate(Resource resource, long ownerId, long id, Consumer<ObjectNode> change) {
        ObjectNode node = stored(resource, ownerId, id)
                .orElseThrow(() -> new NoSuchElementException(resource + " " + id + " not found under " + ownerId));
        change.accept(node);
        node.put("updated_at", now());
        return node.deepCopy();
    }

    // ---- change events (what webhooks are made of) ----

    /**
     * One change to a record: {@code eventType} create / update / delete; {@code applicationId} is the client id of
     * the app whose API call made it (Procore's {@code metadata.source_application_id}), null for a change made
     * "by a user" through this Java API.
     */
    public record Change(Resource resource, long ownerId, long id, String eventType, String applicationId, Instant at) {
    }

    private final List<Consumer<Change>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<String> actingApplication = new ThreadLocal<>();

    /** Called after every create / update / delete, outside the data lock (listeners may read the data). */
    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** Runs an API call on behalf of an app, so the changes it makes carry that app as their source. */
    <T> T actingAs(String applicationId, java.util.function.Supplier<T> call) {
        String before = actingApplication.get();
        actingApplication.set(applicationId);
        try {
            return call.get();
        } finally {
            if (before == null) {
                actingApplication.remove();
            } else {
                actingApplication.set(before);
            }
        }
    }

    private void fire(Resource resource, long ownerId, long id, String eventType) {
        Change change = new Change(resource, ownerId, id, eventType, actingApplication.get(), clock.instant());
        for (Consumer<Change> listener : listeners) {
            listener.accept(change);
        }
    }

    synchronized long newId() {
        return nextId++;
    }

    /** Number of records per collection (handy for a start-up banner). */
    public synchronized Map<Resource, Integer> counts() {
        Map<Resource, Integer> counts = new LinkedHashMap<>();
        records.forEach((k, v) -> counts.merge(k.resource(), v.size(), Integer::sum));
        return counts;
    }

    synchronized Stream<Long> projectIds() {
        return List.copyOf(projectCompany.keySet()).stream();
    }

    private Optional<ObjectNode> stored(Resource resource, long ownerId, long id) {
        return records.getOrDefault(new Key(resource, ownerId), List.of()).stream()
                .filter(n -> n.path("id").asLong() == id)
                .findFirst();
    }

    /** Procore timestamps: ISO-8601 UTC with a Z; millisecond precision is enough and sorts as text. */
    String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static ArrayNode arrayOf(List<ObjectNode> nodes) {
        ArrayNode array = SandboxJson.MAPPER.createArrayNode();
        nodes.forEach(array::add);
        return array;
    }

    Instant instant() {
        return clock.instant();
    }
}
