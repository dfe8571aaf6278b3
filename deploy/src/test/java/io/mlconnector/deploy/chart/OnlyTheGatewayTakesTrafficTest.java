package io.mlconnector.deploy.chart;

import static io.mlconnector.deploy.chart.RenderedChart.at;
import static io.mlconnector.deploy.chart.RenderedChart.list;
import static io.mlconnector.deploy.chart.RenderedChart.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards the network surface: only webhook-gateway's app port is reachable from outside, actuator is
 * never routed by the Ingress, and the other services take nothing but Prometheus scrapes.
 */
class OnlyTheGatewayTakesTrafficTest {

    @Test
    void defaultsHaveOneServiceForTheGatewayAndNoIngress() {
        RenderedChart chart = RenderedChart.withDefaults();

        // the gateway's, and one internal API Service per other service (their NetworkPolicy closes the app port)
        assertThat(chart.ofKind("Service")).extracting(s -> str(s, "metadata", "name"))
                .containsExactlyInAnyOrderElementsOf(RenderedChart.SERVICES.stream().map(n -> "mlc-ml-connector-" + n).toList());
        Map<String, Object> service = chart.named("Service", "mlc-ml-connector-webhook-gateway").orElseThrow();
        assertThat(str(service, "metadata", "name")).isEqualTo("mlc-ml-connector-webhook-gateway");
        assertThat(str(service, "spec", "selector", "app.kubernetes.io/component")).isEqualTo("webhook-gateway");
        assertThat(list(service, "spec", "ports")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("targetPort", "http"));
        assertThat(chart.ofKind("Ingress")).isEmpty();
    }

    @Test
    void fullValuesRouteOnlyWebhookPathsToTheGateway() {
        RenderedChart chart = RenderedChart.withFullValues();

        assertThat(chart.ofKind("Ingress")).singleElement().satisfies(ingress -> {
            assertThat(str(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
            List<Map<String, Object>> paths = list(list(ingress, "spec", "rules").get(0), "http", "paths");
            assertThat(paths).extracting(p -> p.get("path")).containsExactly("/webhooks/procore", "/webhooks/bc");
            assertThat(paths).allSatisfy(p -> {
                assertThat(str(p, "backend", "service", "name")).isEqualTo("mlc-ml-connector-webhook-gateway");
                assertThat(str(p, "backend", "service", "port", "name")).isEqualTo("http");
            });
            assertThat(list(ingress, "spec", "tls")).hasSize(1);
        });
        // Besides the gateway's and the internal API Services (app port), only headless management-port Services
        // for the ServiceMonitors.
        assertThat(chart.ofKind("Service")).filteredOn(s -> !"None".equals(str(s, "spec", "clusterIP")))
                .hasSize(5).allSatisfy(s -> assertThat(list(s, "spec", "ports")).singleElement()
                        .satisfies(p -> assertThat(p).containsEntry("targetPort", "http")));
        assertThat(chart.ofKind("Service")).filteredOn(s -> "None".equals(str(s, "spec", "clusterIP")))
                .hasSize(5).allSatisfy(s -> assertThat(list(s, "spec", "ports")).singleElement()
                        .satisfies(p -> assertThat(p).containsEntry("targetPort", "management")));
    }

    @Test
    void networkPolicyOpensTheAppPortOnTheGatewayOnly() {
        for (boolean full : new boolean[] {false, true}) {
            RenderedChart chart = full ? RenderedChart.withFullValues() : RenderedChart.withDefaults();
            Map<String, Map<String, Object>> policies = chart.ofKindByService("NetworkPolicy");
            assertThat(policies).containsOnlyKeys(RenderedChart.SERVICES);
            policies.forEach((service, policy) -> {
                assertThat(str(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/component"))
                        .isEqualTo(service);
                assertThat(RenderedChart.values(policy, "spec", "policyTypes")).contains("Ingress");
                List<Map<String, Object>> rules = list(policy, "spec", "ingress");
                boolean opensAppPort = rules.stream().anyMatch(r -> portsOf(r).contains("http"));
                if (service.equals("webhook-gateway")) {
                    assertThat(opensAppPort).as("gateway takes webhooks").isTrue();
                } else if (full && service.equals("mapping-service")) {
                    // values-full opens the mapping API to the ops namespace on purpose (extraIngress).
                    assertThat(rules).anySatisfy(r -> assertThat(portsOf(r)).containsExactly("http"));
                } else {
                    assertThat(opensAppPort).as("%s takes no traffic", service).isFalse();
                }
                // Everyone admits Prometheus, from the configured selector only, on the management port.
                Map<String, Object> scrape = rules.stream().filter(r -> portsOf(r).contains("management"))
                        .findFirst().orElseThrow();
                assertThat(list(scrape, "from")).singleElement().satisfies(from -> {
                    assertThat(str(from, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
                            .isEqualTo("monitoring");
                    assertThat(str(from, "podSelector", "matchLabels", "app.kubernetes.io/name")).isEqualTo("prometheus");
                });
            });
        }
    }

    @Test
    void egressIsOpenByDefaultAndRestrictedWhenRulesAreGiven() {
        assertThat(RenderedChart.withDefaults().ofKind("NetworkPolicy")).allSatisfy(p -> {
            assertThat(RenderedChart.values(p, "spec", "policyTypes")).containsExactly("Ingress");
            assertThat(at(p, "spec", "egress")).isNull();
        });
        assertThat(RenderedChart.withFullValues().ofKind("NetworkPolicy")).allSatisfy(p -> {
            assertThat(RenderedChart.values(p, "spec", "policyTypes")).containsExactly("Ingress", "Egress");
            assertThat(list(p, "spec", "egress")).hasSize(2);
        });
    }

    private static List<Object> portsOf(Map<String, Object> rule) {
        return list(rule, "ports").stream().map(p -> p.get("port")).toList();
    }
}
