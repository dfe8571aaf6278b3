package io.mlconnector.tenant;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tenant's posting-policy settings as named values (accounts, batch names, switches). Deliberately an
 * open map for now: the policy's typed form is still being designed, and the tenants file keeps whatever
 * keys it is given. Empty means "the defaults" of whoever reads it.
 */
public record PostingPolicy(Map<String, String> settings) {

    public PostingPolicy {
        settings = settings == null ? Map.of() : Map.copyOf(new TreeMap<>(settings));
    }

    public static PostingPolicy defaults() {
        return new PostingPolicy(Map.of());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    public String getOrDefault(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    public PostingPolicy with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(settings);
        copy.put(key, value);
        return new PostingPolicy(copy);
    }
}
