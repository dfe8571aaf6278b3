package io.mlconnector.service.config;

import io.mlconnector.schemas.Topics;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlc.kafka.*} for failed records.
 *
 * @param stallAfter  a must-not-skip partition whose head record keeps failing this long is reported stalled
 *                    (readiness DOWN, gauge {@code mlc.kafka.partition.stalled} = 1)
 * @param mustNotSkip topics whose records are never moved aside on a transient failure: skipping one would lose a
 *                    cost or a posting, and a later version must not overtake it
 */
@ConfigurationProperties("mlc.kafka")
public record KafkaReliabilityProperties(
        @DefaultValue("5m") Duration stallAfter,
        @DefaultValue({Topics.PROCORE_COST_DOCUMENTS, Topics.BC_POSTING_REQUESTS}) List<String> mustNotSkip) {
}
