package io.mlconnector.gateway.archfixture;

import io.mlconnector.localregistry.InProcessSchemaRegistry;

/** Deliberate violation for RulesCatchViolationsTest: main code of a service holding the local schema registry. */
public class GatewayStartsALocalRegistry {
    InProcessSchemaRegistry registry;
}
