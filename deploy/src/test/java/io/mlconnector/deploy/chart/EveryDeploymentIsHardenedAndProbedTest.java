package io.mlconnector.deploy.chart;

import static io.mlconnector.deploy.chart.RenderedChart.at;
import static io.mlconnector.deploy.chart.RenderedChart.container;
import static io.mlconnector.deploy.chart.RenderedChart.env;
import static io.mlconnector.deploy.chart.RenderedChart.list;
import static io.mlconnector.deploy.chart.RenderedChart.map;
import static io.mlconnector.deploy.chart.RenderedChart.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards against a service shipping without probes, limits or the locked-down security context (the
 * kind of drift that happens when one service's template block is copied and edited by hand).
 */
class EveryDeploymentIsHardenedAndProbedTest {

    static Stream<Arguments> valueSets() {
        return Stream.of(
                Arguments.of("defaults", RenderedChart.withDefaults()),
                Arguments.of("values-full", RenderedChart.withFullValues()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void fiveDeploymentsOnePerService(String valueSet, RenderedChart chart) {
        assertThat(chart.ofKind("Deployment")).hasSize(5);
        assertThat(chart.ofKindByService("Deployment")).containsOnlyKeys(RenderedChart.SERVICES);
        assertThat(chart.ofKindByService("ConfigMap")).containsOnlyKeys(RenderedChart.SERVICES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void probesHitSpringHealthGroupsOnTheManagementPort(String valueSet, RenderedChart chart) {
        chart.ofKindByService("Deployment").forEach((service, deployment) -> {
            Map<String, Object> c = container(deployment);
            assertThat(list(c, "ports")).as(service).anySatisfy(p -> {
                assertThat(p.get("name")).isEqualTo("management");
                assertThat(p.get("containerPort")).isEqualTo(8081);
            });
            assertThat(str(c, "livenessProbe", "httpGet", "path")).as(service).isEqualTo("/actuator/health/liveness");
            assertThat(str(c, "readinessProbe", "httpGet", "path")).as(service).isEqualTo("/actuator/health/readiness");
            assertThat(str(c, "startupProbe", "httpGet", "path")).as(service).isEqualTo("/actuator/health/liveness");
            for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
                assertThat(str(c, probe, "httpGet", "port")).as(service + " " + probe).isEqualTo("management");
            }
            assertThat((Integer) at(c, "startupProbe", "failureThreshold")).as(service).isGreaterThan(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void resourcesHaveRequestsAndLimits(String valueSet, RenderedChart chart) {
        chart.ofKindByService("Deployment").forEach((service, deployment) -> {
            Map<String, Object> c = container(deployment);
            assertThat(map(c, "resources", "requests")).as(service).containsKeys("cpu", "memory");
            assertThat(map(c, "resources", "limits")).as(service).containsKeys("cpu", "memory");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void runsAsNonRootOnAReadOnlyRootFileSystem(String valueSet, RenderedChart chart) {
        chart.ofKindByService("Deployment").forEach((service, deployment) -> {
            Map<String, Object> pod = map(deployment, "spec", "template", "spec");
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as(service).isEqualTo(true);
            assertThat(at(pod, "securityContext", "runAsUser")).as(service).isEqualTo(10001);
            assertThat(str(pod, "securityContext", "seccompProfile", "type")).as(service).isEqualTo("RuntimeDefault");
            assertThat(at(pod, "automountServiceAccountToken")).as(service).isEqualTo(false);

            Map<String, Object> c = container(deployment);
            assertThat(at(c, "securityContext", "readOnlyRootFilesystem")).as(service).isEqualTo(true);
            assertThat(at(c, "securityContext", "allowPrivilegeEscalation")).as(service).isEqualTo(false);
            assertThat(at(c, "securityContext", "runAsNonRoot")).as(service).isEqualTo(true);
            assertThat(RenderedChart.values(c, "securityContext", "capabilities", "drop")).as(service).containsExactly("ALL");

            // A read-only root needs a writable /tmp, and it must be an emptyDir, not the image.
            assertThat(list(c, "volumeMounts")).as(service)
                    .anySatisfy(m -> assertThat(m).containsEntry("name", "tmp").containsEntry("mountPath", "/tmp"));
            assertThat(list(pod, "volumes")).as(service)
                    .anySatisfy(v -> assertThat(v).containsEntry("name", "tmp").containsKey("emptyDir"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void jvmSizesItsHeapFromTheContainerLimitAndDiesOnOom(String valueSet, RenderedChart chart) {
        chart.ofKindByService("Deployment").forEach((service, deployment) -> {
            Map<String, Object> javaToolOptions = env(container(deployment), "JAVA_TOOL_OPTIONS");
            assertThat(javaToolOptions).as(service).isNotNull();
            assertThat(str(javaToolOptions, "value")).as(service)
                    .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void prometheusScrapesTheManagementPort(String valueSet, RenderedChart chart) {
        chart.ofKindByService("Deployment").forEach((service, deployment) -> {
            Map<String, Object> annotations = map(deployment, "spec", "template", "metadata", "annotations");
            assertThat(annotations).as(service)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", "8081")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsKey("checksum/config");
        });
    }
}
