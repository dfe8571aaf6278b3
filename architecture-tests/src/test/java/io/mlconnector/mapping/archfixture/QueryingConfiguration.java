package io.mlconnector.mapping.archfixture;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.context.annotation.Configuration;

/** Deliberate violation for RulesCatchViolationsTest: a @Configuration class opening a collection. */
@Configuration(proxyBeanMethods = false)
public class QueryingConfiguration {
    Object parts(MongoDatabase database) {
        MongoCollection<Document> parts = database.getCollection("parts");
        return parts.countDocuments();
    }
}
