package io.mlconnector.sandbox.procore;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhooks API v1.0 (Procore docs: webhooks-api): hooks, triggers, deliveries, resources. Every call
 * names its scope with {@code company_id} or {@code project_id} (body or query; exactly one); a hook is visible only
 * in the scope it was created in.
 */
final class WebhookApi {

    /** Lowercase a-z, 0-9 and '-' (Procore docs: webhooks-api, namespace). */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9-]+");

    private record Scope(Resource.Scope kind, long ownerId) {
    }

    private final SandboxData data;
    private final Webhooks webhooks;

    private WebhookApi(SandboxData data, Webhooks webhooks) {
        this.data = data;
        this.webhooks = webhooks;
    }

    static void register(ProcoreApi api, SandboxData data, Webhooks webhooks) {
        WebhookApi w = new WebhookApi(data, webhooks);
        String hooks = "/rest/v1\\.0/webhooks/hooks";
        api.route("POST", hooks, (c, m) -> w.createHook(c));
        api.route("GET", hooks, (c, m) -> w.listHooks(c));
        api.route("GET", hooks + "/(\\d+)", (c, m) -> w.showHook(c, id(m.group(1))));
        api.route("PATCH", hooks + "/(\\d+)", (c, m) -> w.updateHook(c, id(m.group(1))));
        api.route("PUT", hooks + "/(\\d+)", (c, m) -> w.updateHook(c, id(m.group(1))));
        api.route("DELETE", hooks + "/(\\d+)", (c, m) -> w.deleteHook(c, id(m.group(1))));
        api.route("GET", hooks + "/(\\d+)/triggers", (c, m) -> w.listTriggers(c, id(m.group(1))));
        api.route("POST", hooks + "/(\\d+)/triggers", (c, m) -> w.createTrigger(c, id(m.group(1))));
        api.route("POST", hooks + "/(\\d+)/triggers/bulk", (c, m) -> w.bulkCreate(c, id(m.group(1))));
        api.route("DELETE", hooks + "/(\\d+)/triggers/bulk", (c, m) -> w.bulkDelete(c, id(m.group(1))));
        api.route("DELETE", hooks + "/(\\d+)/triggers/(\\d+)", (c, m) -> w.deleteTrigger(c, id(m.group(1)), id(m.group(2))));
        api.route("GET", hooks + "/(\\d+)/deliveries", (c, m) -> w.deliveries(c, id(m.group(1))));
        api.route("GET", "/rest/v1\\.0/webhooks/resources", (c, m) -> w.resources(c));
    }

    private static long id(String text) {
        return Long.parseLong(text);
    }

    // ---- hooks ----

    private ApiResponse createHook(ProcoreApi.Call c) {
        JsonNode body = c.req().jsonBody();
        Scope scope = scope(c, body);
        JsonNode hook = body.path("hook");
        if (!hook.isObject()) {
            throw ApiError.badRequest("hook is required");
        }
        validateHook(hook, true);
        Webhooks.Hook created = webhooks.create(scope.kind(), scope.ownerId());
        apply(created, hook);
        return ApiResponse.json(201, webhooks.hookJson(created));
    }

    private ApiResponse listHooks(ProcoreApi.Call c) {
        Scope scope = scope(c, null);
        // namespace "*" (or none) lists all; api_version filters too (Procore docs: webhooks-api)
        String namespace = c.req().param("namespace").orElse("*");
        Optional<String> apiVersion = c.req().param("api_version");
        ArrayNode out = ProcoreApi.array();
        for (Webhooks.Hook h : webhooks.list(scope.kind(), scope.ownerId())) {
            boolean nsMatches = namespace.equals("*") || namespace.equals(h.namespace);
            boolean versionMatches = apiVersion.map(v -> v.equals(h.apiVersion)).orElse(true);
            if (nsMatches && versionMatches) {
                out.add(webhooks.hookJson(h));
            }
        }
        return ApiResponse.json(200, out);
    }

    private ApiResponse showHook(ProcoreApi.Call c, long id) {
        return ApiResponse.json(200, webhooks.hookJson(hook(c, null, id)));
    }

    private ApiResponse updateHook(ProcoreApi.Call c, long id) {
        JsonNode body = c.req().jsonBody();
        Webhooks.Hook hook = hook(c, body, id);
        JsonNode changes = body.path("hook");
        if (!changes.isObject()) {
            throw ApiError.badRequest("hook is required");
        }
        validateHook(changes, false);
        apply(hook, changes);
        return ApiResponse.json(200, webhooks.hookJson(hook));
    }

    private ApiResponse deleteHook(ProcoreApi.Call c, long id) {
        Webhooks.Hook hook = hook(c, null, id);
        webhooks.remove(hook.id);
        return ApiResponse.text(204, "");
    }

    private static void validateHook(JsonNode hook, boolean creating) {
        if (creating || hook.has("namespace")) {
            String namespace = hook.path("namespace").asString("");
            if (!NAMESPACE.matcher(namespace).matches()) {
                throw ApiError.validation("namespace", "must be lowercase letters, digits and '-'");
            }
        }
        if (creating || hook.has("destination_url")) {
            String url = hook.path("destination_url").asString("");
            if (!validUrl(url)) {
                throw ApiError.validation("destination_url", "is invalid");
            }
        }
        if (creating || hook.has("api_version")) {
            String version = hook.path("api_version").asString("v2");
            // only the v2.0 payload is delivered by the sandbox (the one the connector's gateway is tested with first)
            if (!version.equals("v2")) {
                throw ApiError.validation("api_version", "is not supported by the sandbox (v2 only)");
            }
        }
        JsonNode headers = hook.path("destination_headers");
        if (!headers.isMissingNode() && !headers.isNull()) {
            if (!headers.isObject()) {
                throw ApiError.validation("destination_headers", "must be an object");
            }
            for (String name : headers.propertyNames()) {
                if (!headers.get(name).isString()) {
                    throw ApiError.validation("destination_headers", "values must be strings");
                }
            }
        }
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void apply(Webhooks.Hook hook, JsonNode changes) {
        synchronized (webhooks) {
            if (changes.has("namespace")) {
                hook.namespace = changes.get("namespace").asString();
            }
            if (changes.has("destination_url")) {
                hook.destinationUrl = changes.get("destination_url").asString();
            }
            if (changes.has("api_version") || hook.apiVersion == null) {
                hook.apiVersion = changes.path("api_version").asString("v2");
            }
            JsonNode headers = changes.path("destination_headers");
            if (headers.isObject()) {
                Map<String, String> copy = new LinkedHashMap<>();
                headers.propertyNames().forEach(name -> copy.put(name, headers.get(name).asString()));
                hook.destinationHeaders = copy;
            } else if (headers.isNull()) {
                hook.destinationHeaders = new LinkedHashMap<>();
            }
            hook.updatedAt = data.now();
        }
    }

    // ---- triggers ----

    private ApiResponse listTriggers(ProcoreApi.Call c, long hookId) {
        Webhooks.Hook hook = hook(c, null, hookId);
        ArrayNode out = ProcoreApi.array();
        synchronized (webhooks) {
            hook.triggers.forEach(t -> out.add(Webhooks.triggerJson(hook, t)));
        }
        return ApiResponse.json(200, out);
    }

    private ApiResponse createTrigger(ProcoreApi.Call c, long hookId) {
        JsonNode body = c.req().jsonBody();
        Webhooks.Hook hook = hook(c, body, hookId);
        JsonNode trigger = body.path("trigger");
        if (!trigger.isObject()) {
            throw ApiError.badRequest("trigger is required");
        }
        String problem = triggerProblem(hook, trigger);
        if (problem != null) {
            String[] parts = problem.split(":", 2);
            throw ApiError.validation(parts[0], parts[1]);
        }
        Webhooks.Trigger created = webhooks.addTrigger(hook, trigger.path("resource_name").asString(),
                trigger.path("event_type").asString());
        return ApiResponse.json(201, Webhooks.triggerJson(hook, created));
    }

    /**
     * Bulk create: every valid trigger is created, each refused one is reported with its reason. The answer's shape
     * is unconfirmed (the spec names only the request); the sandbox answers 201 {"success": [...], "failures": [...]}.
     */
    private ApiResponse bulkCreate(ProcoreApi.Call c, long hookId) {
        JsonNode body = c.req().jsonBody();
        Webhooks.Hook hook = hook(c, body, hookId);
        JsonNode triggers = body.path("triggers");
        if (!triggers.isArray()) {
            throw ApiError.badRequest("triggers must be an array");
        }
        ObjectNode result = SandboxJson.MAPPER.createObjectNode();
        ArrayNode success = result.putArray("success");
        ArrayNode failures = result.putArray("failures");
        for (JsonNode trigger : triggers) {
            String problem = triggerProblem(hook, trigger);
            if (problem == null) {
                success.add(Webhooks.triggerJson(hook, webhooks.addTrigger(hook,
                        trigger.path("resource_name").asString(), trigger.path("event_type").asString())));
            } else {
                ObjectNode failure = trigger.isObject() ? ((ObjectNode) trigger).deepCopy() : failures.objectNode();
                String[] parts = problem.split(":", 2);
                failure.putObject("errors").putArray(parts[0]).add(parts[1]);
                failures.add(failure);
            }
        }
        return ApiResponse.json(201, result);
    }

    private ApiResponse bulkDelete(ProcoreApi.Call c, long hookId) {
        JsonNode body = c.req().jsonBody();
        Webhooks.Hook hook = hook(c, body, hookId);
        List<String> keys = new ArrayList<>();
        body.path("triggers").forEach(t -> keys.add(t.path("resource_name").asString("") + "|" + t.path("event_type").asString("")));
        synchronized (webhooks) {
            hook.triggers.removeIf(t -> keys.contains(t.resourceName() + "|" + t.eventType()));
        }
        return ApiResponse.text(204, "");
    }

    private ApiResponse deleteTrigger(ProcoreApi.Call c, long hookId, long triggerId) {
        Webhooks.Hook hook = hook(c, null, hookId);
        boolean removed;
        synchronized (webhooks) {
            removed = hook.triggers.removeIf(t -> t.id() == triggerId);
        }
        if (!removed) {
            throw ApiError.notFound("trigger " + triggerId);
        }
        return ApiResponse.text(204, "");
    }

    /** resource_name must be offered in the hook's scope with that event type; a duplicate is refused. */
    private String triggerProblem(Webhooks.Hook hook, JsonNode trigger) {
        String name = trigger.path("resource_name").asString("");
        String eventType = trigger.path("event_type").asString("");
        Optional<WebhookResources.Entry> entry = webhooks.resources().named(hook.scope, name);
        if (entry.isEmpty()) {
            return "resource_name:is not a valid resource for this " + hook.scope.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (!entry.get().offers(eventType)) {
            return "event_type:is not available for " + name;
        }
        synchronized (webhooks) {
            boolean duplicate = hook.triggers.stream()
                    .anyMatch(t -> t.resourceName().equals(name) && t.eventType().equals(eventType));
            return duplicate ? "resource_name:has already been taken" : null;
        }
    }

    // ---- deliveries and resources ----

    private ApiResponse deliveries(ProcoreApi.Call c, long hookId) {
        Webhooks.Hook hook = hook(c, null, hookId);
        String status = c.req().param("filters[status]").or(() -> c.req().param("filter[status]")).orElse("any");
        ArrayNode out = ProcoreApi.array();
        for (WebhookDelivery d : webhooks.deliveriesOf(hook.id)) {
            boolean wanted = switch (status) {
                case "successful" -> d.ok();
                case "failing" -> d.outcome().equals("retried");
                case "discarded" -> d.outcome().equals("discarded");
                default -> true;
            };
            if (wanted) {
                ObjectNode row = out.addObject();
                row.set("event", SandboxJson.MAPPER.readTree(d.payload()));
                row.put("event_id", d.eventId());
                row.put("outcome", d.outcome());
                row.put("response_status", d.responseStatus());
                row.put("response_error", d.responseError());
                row.put("started_at", d.startedAt().toString());
                row.put("completed_at", d.completedAt().toString());
            }
        }
        return ApiResponse.json(200, out);
    }

    /**
     * The resource names a hook of the given scope can subscribe to, each with the event types it never sends
     * ("except"), as a published listing of a Procore sandbox's answer shows them; the exact field names are unconfirmed.
     */
    private ApiResponse resources(ProcoreApi.Call c) {
        Scope scope = scope(c, null);
        ArrayNode out = ProcoreApi.array();
        for (WebhookResources.Entry e : webhooks.resources().forScope(scope.kind())) {
            ObjectNode row = out.addObject();
            row.put("resource_name", e.name());
            row.put("scope", e.scope().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode except = row.putArray("except");
            e.except().forEach(except::add);
        }
        return ApiResponse.json(200, out);
    }

    // ---- scope ----

    private Webhooks.Hook hook(ProcoreApi.Call c, JsonNode body, long id) {
        Scope scope = scope(c, body);
        return webhooks.find(id, scope.kind(), scope.ownerId()).orElseThrow(() -> ApiError.notFound("hook " + id));
    }

    /** Exactly one of company_id / project_id, from the body if it has one, else the query. */
    private Scope scope(ProcoreApi.Call c, JsonNode body) {
        Optional<String> company = field(c, body, "company_id");
        Optional<String> project = field(c, body, "project_id");
        if (company.isPresent() == project.isPresent()) {
            throw ApiError.badRequest("exactly one of company_id or project_id is required");
        }
        if (company.isPresent()) {
            long cid = parse(company.get(), "company_id");
            if (cid != c.companyId()) {
                throw ApiError.badRequest("company_id " + cid + " does not match the Procore-Company-Id header");
            }
            return new Scope(Resource.Scope.COMPANY, cid);
        }
        long pid = parse(project.get(), "project_id");
        if (data.companyOfProject(pid).filter(owner -> owner == c.companyId()).isEmpty()) {
            throw ApiError.notFound("project " + pid);
        }
        return new Scope(Resource.Scope.PROJECT, pid);
    }

    private static Optional<String> field(ProcoreApi.Call c, JsonNode body, String name) {
        if (body != null && body.hasNonNull(name)) {
            return Optional.of(body.get(name).asString());
        }
        return c.req().param(name);
    }

    private static long parse(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer");
        }
    }
}
