package io.mlconnector.ingest.archfixture;

import io.mlconnector.sandbox.procore.ProcoreSandbox;

/** Deliberate violation for RulesCatchViolationsTest: main code of a service holding a sandbox. */
public class IngestStartsASandbox {
    ProcoreSandbox sandbox;
}
