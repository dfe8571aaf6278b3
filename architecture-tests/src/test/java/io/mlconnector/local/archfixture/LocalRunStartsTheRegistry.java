package io.mlconnector.local.archfixture;

import io.mlconnector.localregistry.SchemaRegistryHttpServer;

/** Allowed, for RulesCatchViolationsTest: local-run starts the local schema registry. */
public class LocalRunStartsTheRegistry {
    SchemaRegistryHttpServer registry;
}
