package io.mlconnector.gateway.archfixture;

import io.mlconnector.bc.BcClient;

/** Deliberate violation for RulesCatchViolationsTest: the gateway holding an API client. */
public class GatewayCallsBc {
    BcClient client;
}
