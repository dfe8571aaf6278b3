package io.mlconnector.schemas.registry;

import java.net.URI;

/**
 * A registry the serde finds by the scheme of {@code schema.registry.url} when that scheme is not {@code http} or
 * {@code https}. Providers are found with {@link java.util.ServiceLoader}: a jar lists its implementation in
 * {@code META-INF/services/io.mlconnector.schemas.registry.SchemaRegistryProvider}. The connector's own provider,
 * {@code inprocess://<name>} (a registry inside the JVM), is in libs/local-schema-registry, which only tests and the
 * local run put on the classpath; a subscriber's classpath has none and speaks HTTP to a real registry.
 */
public interface SchemaRegistryProvider {

    /** The URL scheme this provider serves, in lower case, e.g. {@code inprocess}. */
    String scheme();

    /**
     * The registry {@code url} names.
     *
     * @throws IllegalArgumentException when the URL is not one this provider understands; the message says what
     *                                  form it expects
     */
    SchemaRegistry registry(URI url);
}
