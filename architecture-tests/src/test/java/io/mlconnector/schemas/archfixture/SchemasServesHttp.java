package io.mlconnector.schemas.archfixture;

import reactor.netty.DisposableServer;

/** Deliberate violation for RulesCatchViolationsTest: a server in the module subscribers depend on. */
public class SchemasServesHttp {
    DisposableServer server;
}
