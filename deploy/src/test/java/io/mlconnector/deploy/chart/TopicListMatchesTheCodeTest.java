package io.mlconnector.deploy.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.schemas.Topics;
import io.mlconnector.service.kafka.DeadLetters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards against the documented topic list (deploy/README.md, what a platform team creates up front) drifting
 * from the topics the services declare: a new topic, a compacted one, or a dead-letter topic missing from it.
 */
class TopicListMatchesTheCodeTest {

    @Test
    void readmeTableListsEveryTopicWithItsCleanupAndDeadLetterTopic() throws Exception {
        Map<String, List<String>> rows = documentedTopics();

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(Topics.all().stream(), java.util.stream.Stream.of("*.dlt")).toList());
        for (String topic : Topics.all()) {
            List<String> row = rows.get(topic);
            assertThat(row.get(2)).as(topic + " cleanup").isEqualTo(Topics.isCompacted(topic) ? "compact" : "delete (retention)");
            assertThat(row.get(3)).as(topic + " dead-letter topic").isEqualTo(
                    DeadLetters.CONSUMED_TOPICS.contains(topic) ? "`" + DeadLetters.topicFor(topic) + "`" : "—");
        }
    }

    private static Map<String, List<String>> documentedTopics() throws Exception {
        Path readme = RenderedChart.CHART.getParent().getParent().resolve("README.md");
        String text = Files.readString(readme);
        String table = text.substring(text.indexOf("<!-- topics:begin -->"), text.indexOf("<!-- topics:end -->"));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : table.lines().filter(l -> l.startsWith("| `")).toList()) {
            List<String> cells = java.util.Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(String::trim).toList();
            rows.put(cells.get(0).replace("`", ""), cells);
        }
        return rows;
    }
}
