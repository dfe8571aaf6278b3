package io.mlconnector.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A service commits a Kafka offset once the store acknowledged the record's writes, so by default an acknowledgement
 * must mean "in a majority's journal"; a deployment can still say otherwise in the URI or the properties.
 */
class AcknowledgedWritesAreMajorityAndJournaledTest {

    private static MongoProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("mlc.mongodb", MongoProperties.class);
    }

    private static WriteConcern clientWriteConcern(MongoProperties properties) {
        try (MongoClient client = new MongoClientConfiguration().reactiveMongoClient(properties)) {
            return client.getDatabase("any").getWriteConcern();
        }
    }

    @Test
    void byDefaultAWriteIsAcknowledgedOnceAMajorityJournaledIt() {
        WriteConcern concern = clientWriteConcern(bind(Map.of()));
        assertThat(concern.getWString()).isEqualTo("majority");
        assertThat(concern.getJournal()).isTrue();
        assertThat(concern.getWTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5000);
    }

    @Test
    void propertiesAndTheConnectionStringCanSayOtherwise() {
        WriteConcern fromProperties = clientWriteConcern(bind(Map.of("mlc.mongodb.write-concern", "2",
                "mlc.mongodb.journal", "false")));
        assertThat(fromProperties.getW()).isEqualTo(2);
        assertThat(fromProperties.getJournal()).isFalse();

        WriteConcern fromUri = clientWriteConcern(bind(Map.of("mlc.mongodb.uri", "mongodb://db:27017/?w=1&journal=false")));
        assertThat(fromUri.getW()).isEqualTo(1);
        assertThat(fromUri.getJournal()).isFalse();
    }
}
