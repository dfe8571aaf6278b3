package io.mlconnector.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Tells Avro to trust the generated event classes. Avro 1.12.2 refuses to instantiate classes from packages it has
 * not been told to trust (CVE-2024-47561 follow-up), and {@code SpecificDatumReader} would fail with a
 * {@link SecurityException} on the first record. Done here, in code, once, so no deployment has to remember a JVM
 * flag.
 *
 * <p>Two layers, because which one Avro consults depends on class-loading order: the system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} (read once, when Avro's validator class initialises, so it only helps
 * if we are first) and the global {@link ClassSecurityValidator} predicate, extended with our package (works at any
 * time, and keeps whatever the application trusted before).
 */
public final class AvroTrust {

    /** The package of the classes generated from {@code src/main/avro}. */
    public static final String EVENTS_PACKAGE = "io.mlconnector.events";
    public static final String SERIALIZABLE_PACKAGES_PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    static {
        trustPackageProperty();
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityPredicate events = AvroTrust::isEventClass;
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, events));
    }

    private AvroTrust() {
    }

    /** Makes sure the trust is installed (the work happens once, in the static initialiser). */
    public static void install() {
        // class initialisation did it
    }

    /** Whether Avro's current global validator trusts {@code type}. */
    public static boolean isTrusted(Class<?> type) {
        return ClassSecurityValidator.getGlobal().isTrusted(type);
    }

    private static boolean isEventClass(Class<?> type) {
        return type.getName().startsWith(EVENTS_PACKAGE + ".");
    }

    private static void trustPackageProperty() {
        String current = System.getProperty(SERIALIZABLE_PACKAGES_PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(SERIALIZABLE_PACKAGES_PROPERTY, EVENTS_PACKAGE);
            return;
        }
        for (String entry : current.split(",")) {
            if (entry.trim().equals(EVENTS_PACKAGE) || entry.trim().equals("*")) {
                return;
            }
        }
        System.setProperty(SERIALIZABLE_PACKAGES_PROPERTY, current + "," + EVENTS_PACKAGE);
    }
}
