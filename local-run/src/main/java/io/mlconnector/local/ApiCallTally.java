package io.mlconnector.local;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * Counts the HTTP requests each service sends to Procore and to Business Central, by purpose ("list
 * requisitions", "create purchase invoices", "token"), where they leave the service: a filter on the
 * {@code WebClient.Builder} every service's API clients are built from (token requests included, each retry and
 * each page counted, as the API's own request count would). The sandboxes' request logs count the same requests
 * on the receiving side, so the summary can check the two agree.
 */
final class ApiCallTally {

    static final String PROCORE = "Procore";
    static final String BUSINESS_CENTRAL = "Business Central";

    private final int procorePort;
    private final int bcPort;
    /** service -> API -> purpose -> requests. */
    private final Map<String, Map<String, Map<String, LongAdder>>> counts = new ConcurrentHashMap<>();

    ApiCallTally(int procorePort, int bcPort) {
        this.procorePort = procorePort;
        this.bcPort = bcPort;
    }

    /** Installed in one service's context: its clients' requests are counted under its name. */
    WebClientCustomizer customizerFor(String service) {
        return builder -> builder.filter(filterFor(service));
    }

    ExchangeFilterFunction filterFor(String service) {
        return (request, next) -> Mono.defer(() -> { // once per subscription: a retry re-sends, and is counted
            count(service, request);
            return next.exchange(request);
        });
    }

    private void count(String service, ClientRequest request) {
        URI uri = request.url();
        String api = uri.getPort() == procorePort ? PROCORE : uri.getPort() == bcPort ? BUSINESS_CENTRAL : null;
        if (api == null) {
            return; // not an API this run simulates
        }
        String purpose = api.equals(PROCORE) ? procorePurpose(request.method().name(), uri.getPath())
                : bcPurpose(request.method().name(), uri.getPath());
        counts.computeIfAbsent(service, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(api, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(purpose, p -> new LongAdder()).increment();
    }

    /** service -> API -> purpose -> requests, sorted. */
    Map<String, Map<String, Map<String, Long>>> snapshot() {
        Map<String, Map<String, Map<String, Long>>> copy = new TreeMap<>();
        counts.forEach((service, apis) -> apis.forEach((api, purposes) -> purposes.forEach((purpose, n) ->
                copy.computeIfAbsent(service, s -> new TreeMap<>()).computeIfAbsent(api, a -> new TreeMap<>())
                        .put(purpose, n.sum()))));
        return copy;
    }

    long total(String api) {
        return counts.values().stream().map(apis -> apis.getOrDefault(api, Map.of()))
                .flatMap(purposes -> purposes.values().stream()).mapToLong(LongAdder::sum).sum();
    }

    /**
     * A Procore request's purpose from its method and path: "/rest/v1.1/projects/{id}/direct_costs" listed is
     * "list direct costs"; one record by id is "read ..."; company and project scopes and ids are left out.
     */
    static String procorePurpose(String method, String path) {
        if (path.endsWith("/oauth/token")) {
            return "token";
        }
        String resource = path.replaceFirst("^/rest/v\\d+(\\.\\d+)?/", "")
                .replaceAll("(^|/)(companies|projects)/\\d+(?=/|$)", "");
        return purpose(method, resource.replaceAll("^/", ""), "/\\d+$", "/\\d+(?=/)");
    }

    /**
     * A BC request's purpose from its method and path: ".../companies(id)/purchaseInvoices(id)/Microsoft.NAV.post"
     * is "post purchase invoices"; "/$batch" is "batch"; the Entra ID token request is "token".
     */
    static String bcPurpose(String method, String path) {
        if (path.endsWith("/oauth2/v2.0/token") || path.endsWith("/token")) {
            return "token";
        }
        int api = path.indexOf("/api/v2.0");
        String resource = api < 0 ? path : path.substring(api + "/api/v2.0".length());
        resource = resource.replaceAll("^/", "").replaceFirst("^companies\\([^)]*\\)/?", "");
        if (resource.equals("$batch")) {
            return "batch";
        }
        int action = resource.indexOf("/Microsoft.NAV.");
        if (action >= 0) {
            String verb = resource.substring(action + "/Microsoft.NAV.".length());
            return words(verb) + " " + words(resource.substring(0, action).replaceAll("\\([^)]*\\)", ""));
        }
        if (resource.isEmpty()) {
            resource = "companies";
        }
        return purpose(method, resource, "\\([^)]*\\)$", "\\([^)]*\\)(?=/)");
    }

    private static String purpose(String method, String resource, String trailingId, String innerId) {
        boolean one = resource.matches(".*" + trailingId);
        String what = words(resource.replaceAll(trailingId, "").replaceAll(innerId, ""));
        String verb = switch (method) {
            case "GET" -> one ? "read" : "list";
            case "POST" -> "create";
            case "PATCH", "PUT" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
        return verb + " " + what;
    }

    /** "purchaseInvoiceLines" and "work_order_contracts" to words; "a/b" to "a / b". */
    private static String words(String path) {
        return path.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').replace("/", " / ")
                .toLowerCase(Locale.ROOT).trim();
    }
}
