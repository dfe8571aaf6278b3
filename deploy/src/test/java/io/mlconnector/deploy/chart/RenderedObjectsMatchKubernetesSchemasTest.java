package io.mlconnector.deploy.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Guards against manifests that helm lint accepts but the Kubernetes API server refuses: a misspelt or misplaced
 * field, a wrong type, a missing required field. Every rendered object is validated against the OpenAPI v3 schemas
 * of Kubernetes 1.33 (vendored in src/test/resources/kubernetes-1.33, see its README), made strict the way the API
 * server's strict field validation is: a field the schema does not declare is an error.
 */
class RenderedObjectsMatchKubernetesSchemasTest {

    /** Custom resources: no schema in the Kubernetes API (prometheus-operator's ServiceMonitor). */
    private static final Set<String> CUSTOM_KINDS = Set.of("monitoring.coreos.com/v1/ServiceMonitor");

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS_BY_KIND = loadSchemas();

    static Stream<Arguments> valueSets() {
        Map<String, Object> ingressNoTls = new HashMap<>();
        ingressNoTls.put("webhook-gateway.ingress.enabled", true);
        ingressNoTls.put("webhooks.enabled", false);
        Map<String, Object> registryCa = new HashMap<>();
        registryCa.put("schemaRegistry.url", "https://registry.internal");
        registryCa.put("schemaRegistry.tls.existingSecret", "registry-ca");
        registryCa.put("metrics.serviceMonitor.enabled", true);
        registryCa.put("bc-poster.podDisruptionBudget.enabled", true);
        registryCa.put("bc-poster.autoscaling.enabled", true);
        return Stream.of(
                Arguments.of("defaults", RenderedChart.withDefaults()),
                Arguments.of("values-full.yaml", RenderedChart.withFullValues()),
                Arguments.of("ingress without TLS, webhooks off", RenderedChart.render(null, ingressNoTls)),
                Arguments.of("registry CA, HPA, PDB, ServiceMonitor", RenderedChart.render(null, registryCa)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyRenderedObjectIsValidForKubernetes133(String name, RenderedChart chart) {
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (Map<String, Object> object : chart.all()) {
            String kind = object.get("apiVersion") + "/" + object.get("kind");
            if (CUSTOM_KINDS.contains(kind)) {
                continue;
            }
            problems.addAll(validate(object));
            validated++;
        }
        assertThat(validated).isGreaterThan(10);
        assertThat(problems).as(name).isEmpty();
    }

    @Test
    void aMisspeltFieldInAnExtraEnvEntryIsCaught() {
        // extraEnv is passed through as given: only the Kubernetes schema knows "valu" is not a field of EnvVar
        RenderedChart chart = RenderedChart.render(null, Map.of(
                "bc-poster.extraEnv[0].name", "JAVA_OPTS", "bc-poster.extraEnv[0].valu", "-Xss1m"));
        Map<String, Object> deployment = chart.ofKindByService("Deployment").get("bc-poster");

        assertThat(validate(deployment)).anySatisfy(p -> assertThat(p).contains("valu"));
    }

    @Test
    void aWrongTypeIsCaught() {
        RenderedChart chart = RenderedChart.render(null, Map.of("webhook-gateway.podDisruptionBudget.enabled", true,
                "webhook-gateway.podDisruptionBudget.minAvailable", "1.5x"));
        assertThat(chart.ofKind("PodDisruptionBudget")).singleElement()
                .satisfies(pdb -> assertThat(validate(pdb)).isEmpty()); // int-or-string: a string is allowed
        Map<String, Object> deployment = new LinkedHashMap<>(chart.ofKindByService("Deployment").get("vendor-sync"));
        Map<String, Object> spec = new LinkedHashMap<>(RenderedChart.map(deployment, "spec"));
        spec.put("replicas", "two");
        deployment.put("spec", spec);
        assertThat(validate(deployment)).anySatisfy(p -> assertThat(p).contains("replicas"));
    }

    private static List<String> validate(Map<String, Object> object) {
        String kind = object.get("apiVersion") + "/" + object.get("kind");
        Schema schema = SCHEMAS_BY_KIND.get(kind);
        String where = kind + " " + RenderedChart.str(object, "metadata", "name") + ": ";
        if (schema == null) {
            return List.of(where + "no Kubernetes 1.33 schema for this apiVersion/kind");
        }
        List<Error> errors = schema.validate(JSON.valueToTree(object));
        return errors.stream().map(e -> where + e).toList();
    }

    /** apiVersion/kind → a strict schema built from the vendored Kubernetes definitions. */
    private static Map<String, Schema> loadSchemas() {
        ObjectNode definitions;
        try (InputStream in = RenderedObjectsMatchKubernetesSchemasTest.class
                .getResourceAsStream("/kubernetes-1.33/openapi-v3-schemas.json")) {
            definitions = (ObjectNode) JSON.readTree(in).get("components").get("schemas");
        } catch (Exception e) {
            throw new IllegalStateException("vendored Kubernetes schemas unreadable", e);
        }
        definitions.properties().forEach(entry -> strict(entry.getValue()));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Map<String, Schema> byKind = new HashMap<>();
        definitions.properties().forEach(entry -> {
            JsonNode gvks = entry.getValue().get("x-kubernetes-group-version-kind");
            if (gvks == null || gvks.size() != 1 || !entry.getValue().has("properties")) {
                return;
            }
            JsonNode gvk = gvks.get(0);
            String group = gvk.get("group").asString();
            String apiVersion = group.isEmpty() ? gvk.get("version").asString() : group + "/" + gvk.get("version").asString();
            ObjectNode root = JSON.createObjectNode();
            root.put("$ref", "#/definitions/" + entry.getKey());
            root.set("definitions", definitions);
            byKind.put(apiVersion + "/" + gvk.get("kind").asString(), registry.getSchema(root));
        });
        return byKind;
    }

    /**
     * OpenAPI → JSON Schema: references point at #/definitions, and an object that declares its fields accepts no
     * other field (the API server's strict field validation; OpenAPI leaves additionalProperties open).
     */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString()) {
                object.put("$ref", ref.asString().replace("#/components/schemas/", "#/definitions/"));
            }
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.has("x-kubernetes-preserve-unknown-fields")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(child -> {
                if ("properties".equals(child.getKey())) {
                    child.getValue().forEach(RenderedObjectsMatchKubernetesSchemasTest::strict); // name → schema
                } else {
                    strict(child.getValue());
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(RenderedObjectsMatchKubernetesSchemasTest::strict);
        }
    }
}
