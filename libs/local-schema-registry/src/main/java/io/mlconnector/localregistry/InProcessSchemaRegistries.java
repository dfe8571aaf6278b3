package io.mlconnector.localregistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named {@link InProcessSchemaRegistry} instances shared inside one JVM, addressed by serde config as
 * {@code schema.registry.url=inprocess://<name>}. A name is created in memory on first use unless something
 * (the local run, a test) installed a registry under it first, e.g. a file-persisted one.
 */
public final class InProcessSchemaRegistries {

    private static final Map<String, InProcessSchemaRegistry> REGISTRIES = new ConcurrentHashMap<>();

    private InProcessSchemaRegistries() {
    }

    /** The registry with this name, created in memory if there is none yet. */
    public static InProcessSchemaRegistry named(String name) {
        return REGISTRIES.computeIfAbsent(requireName(name), n -> new InProcessSchemaRegistry());
    }

    /** Installs {@code registry} under {@code name}, replacing any earlier one; returns it. */
    public static InProcessSchemaRegistry install(String name, InProcessSchemaRegistry registry) {
        REGISTRIES.put(requireName(name), registry);
        return registry;
    }

    /** Forgets the registry with this name (tests). */
    public static void remove(String name) {
        REGISTRIES.remove(name);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("in-process registry name must not be blank");
        }
        return name;
    }
}
