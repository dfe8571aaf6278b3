package io.mlconnector.deploy.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

/** Guards against chart mistakes that `helm lint --strict` catches (bad YAML, missing fields, warnings). */
class ChartLintsCleanTest {

    @Test
    void strictLintReportsNoErrorsOrWarnings() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();

        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
        assertThat(lint.isFailed()).as("lint failed: %s", lint.getMessages()).isFalse();
    }

    @Test
    void bothValueSetsRenderEveryObjectWithKindAndName() {
        for (RenderedChart chart : new RenderedChart[] {RenderedChart.withDefaults(), RenderedChart.withFullValues()}) {
            assertThat(chart.all()).isNotEmpty().allSatisfy(o -> {
                assertThat(o.get("apiVersion")).isNotNull();
                assertThat(o.get("kind")).isNotNull();
                assertThat(RenderedChart.str(o, "metadata", "name")).isNotBlank().hasSizeLessThanOrEqualTo(63);
            });
        }
    }
}
