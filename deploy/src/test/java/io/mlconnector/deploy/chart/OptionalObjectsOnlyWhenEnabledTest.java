package io.mlconnector.deploy.chart;

import static io.mlconnector.deploy.chart.RenderedChart.at;
import static io.mlconnector.deploy.chart.RenderedChart.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards against optional objects appearing unasked (an HPA fighting a hand-set replica count, a PDB
 * blocking node drains of a single-replica service) and against a switched-off service leaving parts behind.
 */
class OptionalObjectsOnlyWhenEnabledTest {

    @Test
    void defaultsHaveNoHpaPdbOrServiceMonitor() {
        RenderedChart chart = RenderedChart.withDefaults();

        assertThat(chart.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(chart.ofKind("PodDisruptionBudget")).isEmpty();
        assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
        assertThat(chart.ofKindByService("Deployment")).allSatisfy((service, d) ->
                assertThat(at(d, "spec", "replicas")).as(service).isNotNull());
        assertThat(at(chart.ofKindByService("Deployment").get("webhook-gateway"), "spec", "replicas")).isEqualTo(2);
    }

    @Test
    void fullValuesCreateHpaPdbAndServiceMonitorWhereEnabled() {
        RenderedChart chart = RenderedChart.withFullValues();

        Map<String, Map<String, Object>> hpas = chart.ofKindByService("HorizontalPodAutoscaler");
        assertThat(hpas).containsOnlyKeys("webhook-gateway", "procore-ingest", "mapping-service", "bc-poster");
        hpas.forEach((service, hpa) -> assertThat(str(hpa, "spec", "scaleTargetRef", "name"))
                .isEqualTo("mlc-ml-connector-" + service));
        // An HPA owns the replica count: the Deployment must not set one, or every upgrade resets it.
        chart.ofKindByService("Deployment").forEach((service, d) -> {
            if (hpas.containsKey(service)) {
                assertThat(at(d, "spec", "replicas")).as(service).isNull();
            } else {
                assertThat(at(d, "spec", "replicas")).as(service).isEqualTo(1);
            }
        });

        Map<String, Map<String, Object>> pdbs = chart.ofKindByService("PodDisruptionBudget");
        assertThat(pdbs).containsOnlyKeys(RenderedChart.SERVICES);
        assertThat(at(pdbs.get("webhook-gateway"), "spec", "minAvailable")).isEqualTo(1);
        assertThat(at(pdbs.get("webhook-gateway"), "spec", "maxUnavailable")).isNull();
        assertThat(at(pdbs.get("bc-poster"), "spec", "maxUnavailable")).isEqualTo(1);
        assertThat(at(pdbs.get("bc-poster"), "spec", "minAvailable")).isNull();

        assertThat(chart.ofKindByService("ServiceMonitor")).containsOnlyKeys(RenderedChart.SERVICES)
                .allSatisfy((service, sm) -> assertThat(str(sm, "metadata", "labels", "release"))
                        .isEqualTo("kube-prometheus-stack"));
    }

    @Test
    void disablingAServiceRemovesAllOfItsObjects() {
        RenderedChart chart = RenderedChart.render(RenderedChart.FULL_VALUES, Map.of("bc-poster.enabled", false));

        assertThat(chart.ofKindByService("Deployment")).hasSize(4).doesNotContainKey("bc-poster");
        assertThat(chart.all()).noneSatisfy(o ->
                assertThat(str(o, "metadata", "labels", "app.kubernetes.io/component")).isEqualTo("bc-poster"));
    }

    @Test
    void disablingTheGatewayRemovesItsServiceAndIngress() {
        RenderedChart chart = RenderedChart.render(RenderedChart.FULL_VALUES, Map.of("webhook-gateway.enabled", false));

        assertThat(chart.ofKindByService("Deployment")).hasSize(4).doesNotContainKey("webhook-gateway");
        assertThat(chart.ofKind("Ingress")).isEmpty();
        assertThat(chart.ofKind("Service")).noneSatisfy(s ->
                assertThat(str(s, "metadata", "name")).isEqualTo("mlc-ml-connector-webhook-gateway"));
    }

    @Test
    void imagesComeFromTheGlobalDefaultUnlessAServiceOverridesIt() {
        RenderedChart chart = RenderedChart.render(RenderedChart.FULL_VALUES,
                Map.of("vendor-sync.image.tag", "0.1.1-hotfix", "mapping-service.image.repository", "forks/mapping"));

        Map<String, Map<String, Object>> deployments = chart.ofKindByService("Deployment");
        assertThat(str(RenderedChart.container(deployments.get("bc-poster")), "image"))
                .isEqualTo("registry.example.com/platform/ml-connector/bc-poster:0.1.0");
        assertThat(str(RenderedChart.container(deployments.get("vendor-sync")), "image"))
                .isEqualTo("registry.example.com/platform/ml-connector/vendor-sync:0.1.1-hotfix");
        assertThat(str(RenderedChart.container(deployments.get("mapping-service")), "image"))
                .isEqualTo("registry.example.com/forks/mapping:0.1.0");
        assertThat(str(RenderedChart.container(RenderedChart.withDefaults().ofKindByService("Deployment")
                .get("procore-ingest")), "image")).isEqualTo("ml-connector/procore-ingest:0.1.0-SNAPSHOT");
    }
}
