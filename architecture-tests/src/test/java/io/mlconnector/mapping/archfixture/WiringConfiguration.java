package io.mlconnector.mapping.archfixture;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.context.annotation.Configuration;

/** Allowed, for RulesCatchViolationsTest: a @Configuration class handing the database to a store. */
@Configuration(proxyBeanMethods = false)
public class WiringConfiguration {
    PartStore parts(MongoDatabase database) {
        return new PartStore();
    }
}
