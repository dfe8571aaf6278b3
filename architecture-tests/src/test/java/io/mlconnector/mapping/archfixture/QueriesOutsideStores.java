package io.mlconnector.mapping.archfixture;

import com.mongodb.reactivestreams.client.MongoDatabase;

/** Deliberate violation for RulesCatchViolationsTest: a collection opened outside a store. */
public class QueriesOutsideStores {
    Object parts(MongoDatabase database) {
        return database.getCollection("parts").countDocuments();
    }
}
