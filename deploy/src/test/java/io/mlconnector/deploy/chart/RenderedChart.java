package io.mlconnector.deploy.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The chart rendered by the real Helm engine (helm-java), parsed into plain maps and lists. */
final class RenderedChart {

    static final Path CHART = locateChart();
    static final Path FULL_VALUES = CHART.resolve("values-full.yaml");
    static final String RELEASE = "mlc";
    static final List<String> SERVICES =
            List.of("webhook-gateway", "procore-ingest", "mapping-service", "bc-poster", "vendor-sync");

    private final List<Map<String, Object>> objects;

    private RenderedChart(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    static RenderedChart withDefaults() {
        return render(null, Map.of());
    }

    static RenderedChart withFullValues() {
        return render(FULL_VALUES, Map.of());
    }

    /** The one value every install must give on top of the defaults (webhooks are on by default). */
    static final Map<String, Object> REQUIRED = Map.of("gateway.publicUrl", "https://connector.example.com");

    /** Renders with a values file, or with the defaults plus {@link #REQUIRED}, and the --set values. */
    static RenderedChart render(Path valuesFile, Map<String, Object> sets) {
        return parse(template(valuesFile, sets).call());
    }

    static TemplateCommand template(Path valuesFile, Map<String, Object> sets) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace("connector");
        Map<String, Object> all = new LinkedHashMap<>();
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        } else {
            all.putAll(REQUIRED);
        }
        all.putAll(sets);
        for (Map.Entry<String, Object> set : all.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template;
    }

    @SuppressWarnings("unchecked")
    static RenderedChart parse(String manifests) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : yaml.loadAll(manifests)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return new RenderedChart(objects);
    }

    List<Map<String, Object>> all() {
        return objects;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    /** Objects of a kind by the service (app.kubernetes.io/component label) they belong to. */
    Map<String, Map<String, Object>> ofKindByService(String kind) {
        Map<String, Map<String, Object>> byService = new LinkedHashMap<>();
        for (Map<String, Object> o : ofKind(kind)) {
            byService.put(str(o, "metadata", "labels", "app.kubernetes.io/component"), o);
        }
        return byService;
    }

    Optional<Map<String, Object>> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(str(o, "metadata", "name"))).findFirst();
    }

    /** Walks nested maps; null when a step is missing. */
    @SuppressWarnings("unchecked")
    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(step);
        }
        return current;
    }

    static String str(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        return (Map<String, Object>) at(node, path);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> values(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? List.of() : (List<Object>) value;
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = list(deployment, "spec", "template", "spec", "containers");
        if (containers.size() != 1) {
            throw new AssertionError("expected one container in " + str(deployment, "metadata", "name"));
        }
        return containers.get(0);
    }

    /** The env var entry of a container by name, or null. */
    static Map<String, Object> env(Map<String, Object> container, String name) {
        return list(container, "env").stream().filter(e -> name.equals(e.get("name"))).findFirst().orElse(null);
    }

    private static Path locateChart() {
        // Surefire runs with the module directory as working directory; the IDE may use the repo root.
        for (Path candidate : List.of(Path.of("helm/ml-connector"), Path.of("deploy/helm/ml-connector"))) {
            if (Files.isRegularFile(candidate.resolve("Chart.yaml"))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("chart not found from " + Path.of("").toAbsolutePath());
    }
}
