package io.mlconnector.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** Guards against topics created with one copy of every record on a real cluster because nobody set the factor. */
class SingleReplicaTopicsRefusedTest {

    @Test
    void replicationFactorOneIsRefusedUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> ConnectorTopicsConfiguration.topics(3, (short) 1, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mlc.kafka.replication-factor is 1")
                .hasMessageContaining("mlc.kafka.allow-single-replica=true");

        assertThat(replicationFactors(ConnectorTopicsConfiguration.topics(3, (short) 1, true))).containsOnly((short) 1);
    }

    @Test
    void productionFactorIsUsedForEveryTopicAndUnsetLeavesItToTheCluster() {
        assertThat(replicationFactors(ConnectorTopicsConfiguration.topics(6, (short) 3, false))).containsOnly((short) 3);
        assertThat(java.util.List.of(ConnectorTopicsConfiguration.topics(6, (short) 3, false)))
                .allSatisfy(topic -> assertThat(topic.numPartitions()).isEqualTo(6));
        // unset: NewTopic carries no factor, the broker applies its default.replication.factor
        assertThatCode(() -> ConnectorTopicsConfiguration.topics(3, null, false)).doesNotThrowAnyException();
        assertThat(replicationFactors(ConnectorTopicsConfiguration.topics(3, null, false))).containsOnly((short) -1);
    }

    private static Collection<Short> replicationFactors(NewTopic[] topics) {
        return java.util.Arrays.stream(topics).map(NewTopic::replicationFactor).toList();
    }
}
