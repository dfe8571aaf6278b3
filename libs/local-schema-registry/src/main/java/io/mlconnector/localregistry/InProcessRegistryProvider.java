package io.mlconnector.localregistry;

import io.mlconnector.schemas.registry.SchemaRegistry;
import io.mlconnector.schemas.registry.SchemaRegistryProvider;
import java.net.URI;

/**
 * Serves {@code schema.registry.url=inprocess://<name>}: the {@link InProcessSchemaRegistries named registry} of this
 * JVM. Found by the serde through {@link java.util.ServiceLoader} when this module is on the classpath (tests, the
 * local run), so the schemas module itself knows only HTTP registries.
 */
public final class InProcessRegistryProvider implements SchemaRegistryProvider {

    public static final String SCHEME = "inprocess";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public SchemaRegistry registry(URI url) {
        String name = url.getAuthority() != null ? url.getAuthority() : url.getSchemeSpecificPart();
        if (name == null || name.isBlank() || name.startsWith("/")) {
            throw new IllegalArgumentException("expected inprocess://<name>");
        }
        return InProcessSchemaRegistries.named(name);
    }
}
