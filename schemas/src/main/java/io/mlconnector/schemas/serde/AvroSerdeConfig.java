package io.mlconnector.schemas.serde;

import io.mlconnector.schemas.registry.SchemaRegistry;
import io.mlconnector.schemas.registry.SchemaRegistryProvider;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * Configuration keys of {@link AvroSerializer} and {@link AvroDeserializer} (named like Confluent's, so existing
 * Kafka configuration carries over) and the registry they point at.
 */
public final class AvroSerdeConfig {

    /**
     * Where the schemas live: {@code http(s)://host:port[/prefix]} for any registry speaking the Schema Registry
     * REST API, or another scheme served by a {@link SchemaRegistryProvider} on the classpath (tests and the local
     * run: {@code inprocess://<name>} from libs/local-schema-registry). With a comma-separated list only the first
     * URL is used.
     */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code user:password} for HTTP basic auth against the registry (optional). */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /**
     * A PEM file of CA certificates to trust for an https registry, beside the JVM's default CAs (a private CA).
     * Named like Confluent's client setting; only {@value #TRUSTSTORE_TYPE} {@code PEM} is supported.
     */
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    /** Type of {@link #TRUSTSTORE_LOCATION}: {@code PEM} (the default). */
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    /** Connect and request timeout towards the registry in ms (default 10000). */
    public static final String REGISTRY_TIMEOUT_MS = "schema.registry.timeout.ms";
    /** Serializer: register the record's schema under the subject when missing (default true); false = look it up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Deserializer: FQCN of the generated class to read values into (the reader schema). */
    public static final String VALUE_TYPE = "avro.value.type";
    /** Deserializer: FQCN of the generated class to read keys into (only if keys are Avro; ours are strings). */
    public static final String KEY_TYPE = "avro.key.type";

    /** REST clients shared per URL and credentials, so every serde instance in a JVM shares one id/schema cache. */
    private static final Map<String, SchemaRegistryRestClient> REST_CLIENTS = new ConcurrentHashMap<>();

    private AvroSerdeConfig() {
    }

    /** Subject of a topic's keys or values under TopicNameStrategy. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    /** The registry the configuration points at. */
    public static SchemaRegistry registry(Map<String, ?> configs) {
        String url = firstUrl(configs.get(SCHEMA_REGISTRY_URL));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return provided(scheme, uri, url);
        }
        Object userInfo = configs.get(BASIC_AUTH_USER_INFO);
        Duration timeout = Duration.ofMillis(longValue(configs.get(REGISTRY_TIMEOUT_MS), 10_000));
        String credentials = userInfo == null ? null : userInfo.toString();
        Object caFile = configs.get(TRUSTSTORE_LOCATION);
        String trustedCas = caFile == null || caFile.toString().isBlank() ? null : caFile.toString().trim();
        Object type = configs.get(TRUSTSTORE_TYPE);
        if (trustedCas != null && type != null && !"PEM".equalsIgnoreCase(type.toString().trim())) {
            throw new ConfigException(TRUSTSTORE_TYPE, type, "only PEM is supported: give a PEM file of CA certificates");
        }
        // the key is never printed; it holds the credentials because different ones need different clients
        String cacheKey = url + '\u0000' + credentials + '\u0000' + timeout.toMillis() + '\u0000' + trustedCas;
        return REST_CLIENTS.computeIfAbsent(cacheKey, k -> new SchemaRegistryRestClient(uri, credentials, timeout,
                trustedCas == null ? null : RegistryTrust.withExtraCas(java.nio.file.Path.of(trustedCas))));
    }

    /** A registry of another scheme, from a {@link SchemaRegistryProvider} on the classpath. */
    private static SchemaRegistry provided(String scheme, URI uri, String url) {
        ServiceLoader<SchemaRegistryProvider> providers =
                ServiceLoader.load(SchemaRegistryProvider.class, AvroSerdeConfig.class.getClassLoader());
        for (SchemaRegistryProvider provider : providers) {
            if (provider.scheme().equalsIgnoreCase(scheme)) {
                try {
                    return provider.registry(uri);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(SCHEMA_REGISTRY_URL, url, e.getMessage());
                }
            }
        }
        String others = providers.stream().map(p -> p.get().scheme() + "://").sorted()
                .collect(Collectors.joining(", "));
        throw new ConfigException(SCHEMA_REGISTRY_URL, url, "give the http(s)://host:port address of a Schema Registry"
                + (others.isEmpty() ? "" : " (or " + others + ")")
                + "; inprocess:// registries exist only in tests and the local run");
    }

    static boolean booleanValue(Object value, boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(AUTO_REGISTER_SCHEMAS, value, "expected true or false");
    }

    private static long longValue(Object value, long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(REGISTRY_TIMEOUT_MS, value, "expected a number of milliseconds");
        }
    }

    private static String firstUrl(Object value) {
        if (value == null) {
            throw new ConfigException("Missing " + SCHEMA_REGISTRY_URL
                    + ": give the http(s)://host:port address of a Schema Registry");
        }
        String text = value instanceof Collection<?> list && !list.isEmpty()
                ? String.valueOf(list.iterator().next())
                : value.toString();
        String first = text.split(",")[0].trim();
        if (first.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, value, "must not be empty");
        }
        return first;
    }
}
