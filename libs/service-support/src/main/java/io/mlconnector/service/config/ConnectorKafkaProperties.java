package io.mlconnector.service.config;

import io.mlconnector.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.kafka.*}: the connector's topics and what happens to records that fail. Checked at start.
 *
 * @param stallAfter         a must-not-skip partition whose head record keeps failing this long is reported stalled
 *                           (readiness DOWN, gauge {@code mlc.kafka.partition.stalled} = 1)
 * @param mustNotSkip        topics whose records are never moved aside on a transient failure: skipping one would
 *                           lose a cost or a posting, and a later version must not overtake it
 * @param partitions         partitions of each topic the services create; bounds consumer parallelism
 * @param replicationFactor  copies of every record; unset = the cluster's {@code default.replication.factor}
 * @param allowSingleReplica a replication factor of 1 keeps one copy of every record (one lost broker loses
 *                           postings), so it is refused unless this is true (a single-broker test cluster, the local
 *                           run)
 */
@ConfigurationProperties("mlc.kafka")
public record ConnectorKafkaProperties(
        @DefaultValue("5m") Duration stallAfter,
        @DefaultValue({Topics.PROCORE_COST_DOCUMENTS, Topics.BC_POSTING_REQUESTS}) List<String> mustNotSkip,
        @DefaultValue("3") int partitions,
        Short replicationFactor,
        @DefaultValue("false") boolean allowSingleReplica) {

    public ConnectorKafkaProperties {
        if (stallAfter == null || stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("mlc.kafka.stall-after is " + stallAfter
                    + "; set a positive duration such as 5m");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("mlc.kafka.partitions is " + partitions + "; set at least 1 (3 or more"
                    + " lets replicas share the work)");
        }
    }
}
