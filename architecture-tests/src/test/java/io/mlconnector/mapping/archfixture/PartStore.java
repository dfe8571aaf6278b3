package io.mlconnector.mapping.archfixture;

import com.mongodb.reactivestreams.client.MongoDatabase;

/** Allowed, for RulesCatchViolationsTest: a store (named ...Store) opens its collection. */
public class PartStore {
    Object parts(MongoDatabase database) {
        return database.getCollection("parts").countDocuments();
    }
}
