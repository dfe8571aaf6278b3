package io.mlconnector.sandbox.procore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Webhooks API's state (hooks and their triggers) and the fan-out of record changes into deliveries: a change
 * is delivered to every hook whose scope covers the record and which has a trigger for its resource name and event
 * type (Procore docs: webhooks-api). Deliveries are sent by {@link WebhookDispatcher}; read them with {@link #deliveries()}.
 */
public final class Webhooks implements AutoCloseable {

    /** The id Procore would give the user who made a change; the sandbox has one user. */
    static final long SANDBOX_USER_ID = 7_700_001L;

    /** A hook: company- or project-scoped, exactly one (Procore docs: webhooks-api). Guarded by the Webhooks lock. */
    static final class Hook {
        final long id;
        final Resource.Scope scope;
        final long ownerId;
        final String createdAt;
        String apiVersion;
        String namespace;
        String destinationUrl;
        Map<String, String> destinationHeaders = new LinkedHashMap<>();
        String updatedAt;
        final List<Trigger> triggers = new ArrayList<>();

        Hook(long id, Resource.Scope scope, long ownerId, String createdAt) {
            this.id = id;
            this.scope = scope;
            this.ownerId = ownerId;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    record Trigger(long id, String resourceName, String eventType, String createdAt) {
    }

    private final SandboxData data;
    private final Clock clock;
    private final WebhookResources resources;
    private final WebhookDispatcher dispatcher;
    private final Map<Long, Hook> hooks = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private long nextHookId = 410_000L;
    private long nextTriggerId = 880_000L;

    Webhooks(SandboxData data, ProcoreSandboxOptions options) {
        this.data = data;
        this.clock = options.clock();
        this.resources = new WebhookResources(options.webhooks());
        this.dispatcher = new WebhookDispatcher(options.webhooks());
        data.onChange(this::changed);
    }

    // ---- for tests ----

    /** Every delivery attempt so far, oldest first. */
    public List<WebhookDelivery> deliveries() {
        return dispatcher.log();
    }

    public List<WebhookDelivery> deliveries(Predicate<WebhookDelivery> filter) {
        return dispatcher.log().stream().filter(filter).toList();
    }

    /** Events waiting for (another) attempt, over all URLs. */
    public int pending() {
        return dispatcher.pending();
    }

    public void clearDeliveries() {
        dispatcher.clearLog();
    }

    /** The hooks as the API shows them (each with its "triggers"). */
    public synchronized List<ObjectNode> hooks() {
        return hooks.values().stream().map(h -> {
            ObjectNode json = hookJson(h);
            var list = json.putArray("triggers");
            h.triggers.forEach(t -> list.add(triggerJson(h, t)));
            return json;
        }).toList();
    }

    /** The resource names a hook of this scope can subscribe to. */
    public List<String> resourceNames(Resource.Scope hookScope) {
        return resources.forScope(hookScope).stream().map(WebhookResources.Entry::name).toList();
    }

    @Override
    public void close() {
        dispatcher.close();
    }

    // ---- state used by WebhookApi ----

    WebhookResources resources() {
        return resources;
    }

    synchronized Hook create(Resource.Scope scope, long ownerId) {
        Hook hook = new Hook(nextHookId++, scope, ownerId, data.now());
        hooks.put(hook.id, hook);
        return hook;
    }

    synchronized Optional<Hook> find(long id, Resource.Scope scope, long ownerId) {
        return Optional.ofNullable(hooks.get(id)).filter(h -> h.scope == scope && h.ownerId == ownerId);
    }

    synchronized List<Hook> list(Resource.Scope scope, long ownerId) {
        return hooks.values().stream().filter(h -> h.scope == scope && h.ownerId == ownerId).toList();
    }

    synchronized void remove(long id) {
        hooks.remove(id);
    }

    synchronized Trigger addTrigger(Hook hook, String resourceName, String eventType) {
        Trigger trigger = new Trigger(nextTriggerId++, resourceName, eventType, data.now());
        hook.triggers.add(trigger);
        return trigger;
    }

    List<WebhookDelivery> deliveriesOf(long hookId) {
        return deliveries(d -> d.hookId() == hookId);
    }

    synchronized ObjectNode hookJson(Hook h) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode();
        json.put("id", h.id);
        json.put("api_version", h.apiVersion);
        json.put("namespace", h.namespace);
        json.put("destination_url", h.destinationUrl);
        ObjectNode headers = json.putObject("destination_headers");
        h.destinationHeaders.forEach(headers::put);
        if (h.scope == Resource.Scope.COMPANY) {
            json.put("owned_by_company_id", h.ownerId);
            json.putNull("owned_by_project_id");
        } else {
            json.putNull("owned_by_company_id");
            json.put("owned_by_project_id", h.ownerId);
        }
        json.put("created_at", h.createdAt);
        json.put("updated_at", h.updatedAt);
        return json;
    }

    static ObjectNode triggerJson(Hook h, Trigger t) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode();
        json.put("id", t.id());
        json.put("webhooks_hook_id", h.id);
        json.put("resource_name", t.resourceName());
        json.put("event_type", t.eventType());
        json.put("api_version", h.apiVersion);
        json.put("created_at", t.createdAt());
        return json;
    }

    // ---- fan-out ----

    private void changed(SandboxData.Change change) {
        WebhookResources.Entry entry = resources.of(change.resource());
        if (entry == null || !entry.offers(change.eventType())) {
            return;
        }
        Long projectId = change.resource().scope() == Resource.Scope.PROJECT ? change.ownerId() : null;
        Long companyId = projectId == null ? Long.valueOf(change.ownerId()) : data.companyOfProject(projectId).orElse(null);
        if (companyId == null) {
            return;
        }
        List<WebhookDispatcher.Pending> out = new ArrayList<>();
        synchronized (this) {
            for (Hook hook : hooks.values()) {
                boolean covers = hook.scope == Resource.Scope.COMPANY ? hook.ownerId == companyId
                        : projectId != null && hook.ownerId == projectId;
                boolean triggered = hook.triggers.stream().anyMatch(t -> t.resourceName().equals(entry.name())
                        && t.eventType().equals(change.eventType()));
                if (covers && triggered && hook.destinationUrl != null) {
                    out.add(new WebhookDispatcher.Pending(hook.id, hook.destinationUrl,
                            Map.copyOf(hook.destinationHeaders), payload(change, entry.name(), companyId, projectId),
                            Instant.now()));
                }
            }
        }
        out.forEach(dispatcher::enqueue);
    }

    /** The v2.0 ("legacy") payload, the default for api_version v2 (Procore docs: webhooks). */
    private ObjectNode payload(SandboxData.Change change, String resourceName, long companyId, Long projectId) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode();
        json.put("id", random.nextLong() & Long.MAX_VALUE); // 64-bit event ids, like Procore's
        json.put("ulid", Ulid.next(change.at(), random));
        json.put("timestamp", change.at().toString());
        json.put("event_type", change.eventType());
        json.put("resource_name", resourceName);
        json.put("resource_id", change.id());
        json.put("company_id", companyId);
        if (projectId == null) {
            json.putNull("project_id");
        } else {
            json.put("project_id", projectId);
        }
        json.put("user_id", SANDBOX_USER_ID);
        json.put("api_version", "v2.0");
        ObjectNode metadata = json.putObject("metadata");
        if (change.applicationId() == null) {
            metadata.putNull("source_application_id");
        } else {
            metadata.put("source_application_id", change.applicationId());
        }
        metadata.put("source_user_id", SANDBOX_USER_ID);
        metadata.put("source_company_id", companyId);
        if (projectId == null) {
            metadata.putNull("source_project_id");
        } else {
            metadata.put("source_project_id", projectId);
        }
        metadata.putNull("source_operation_id");
        return json;
    }

    Clock clock() {
        return clock;
    }
}
