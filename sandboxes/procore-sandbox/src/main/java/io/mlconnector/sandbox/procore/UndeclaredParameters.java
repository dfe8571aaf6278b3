package io.mlconnector.sandbox.procore;

/**
 * What the sandbox does with a query parameter its endpoint does not declare ({@link DeclaredParameters}).
 * Procore does not document the answer, so both are offered: {@link #REFUSE} (the default, so a connector that
 * sends one is caught in tests) answers 400 in the v1 error model naming the parameter; {@link #IGNORE} drops it,
 * as a lenient server would, so a filter the endpoint lacks has no effect.
 */
public enum UndeclaredParameters {
    REFUSE,
    IGNORE
}
