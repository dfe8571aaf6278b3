package io.mlconnector.poster.archfixture;

import io.mlconnector.mapping.validation.KnownDimensionValues;

/** Deliberate violation for RulesCatchViolationsTest: one service using another's class. */
public class PosterReadsMappingClasses {
    KnownDimensionValues borrowed;
}
