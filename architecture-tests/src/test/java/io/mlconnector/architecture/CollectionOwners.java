package io.mlconnector.architecture;

import io.mlconnector.architecture.MainSources.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which module opens which MongoDB collection, read from the main sources: the stores name their collection in a
 * literal or a {@code String} constant passed to {@code getCollection}, and a collection whose name is configurable
 * (webhook-gateway's delivery records) is named by a {@code ...collection:} key in the module's YAML. Bytecode does
 * not show which string a call passes, so this reads text; ArchUnit checks the rest ({@link ModuleBoundaries}).
 */
final class CollectionOwners {

    private static final Pattern GET_COLLECTION = Pattern.compile("\\.getCollection\\(\\s*([^,)]+?)\\s*[,)]");
    private static final Pattern STRING_CONSTANT =
            Pattern.compile("\\bString\\s+([A-Za-z_]\\w*)\\s*=\\s*\"([^\"\\\\]*)\"\\s*;");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern YAML_COLLECTION_KEY =
            Pattern.compile("(?m)^\\s*[\\w-]*collection:\\s*[\"']?([A-Za-z0-9_.-]+)[\"']?\\s*(#.*)?$");

    /** What the scan found: each collection name with the modules that open it, and what it could not tell. */
    record Scan(Map<String, TreeSet<String>> modulesByCollection, List<String> unresolved) {

        /** The collections that more than one module opens, with those modules. */
        Map<String, TreeSet<String>> shared() {
            Map<String, TreeSet<String>> shared = new TreeMap<>();
            modulesByCollection.forEach((name, modules) -> {
                if (modules.size() > 1) {
                    shared.put(name, modules);
                }
            });
            return shared;
        }
    }

    private CollectionOwners() {
    }

    static Scan scan(Path root) {
        Map<String, TreeSet<String>> byCollection = new TreeMap<>();
        List<String> unresolved = new ArrayList<>();
        List<SourceFile> java = MainSources.java(root);
        Map<String, List<SourceFile>> byModule = new HashMap<>();
        java.forEach(file -> byModule.computeIfAbsent(file.module(), m -> new ArrayList<>()).add(file));
        Map<String, List<String>> configured = new HashMap<>();
        for (SourceFile yaml : MainSources.yaml(root)) {
            Matcher key = YAML_COLLECTION_KEY.matcher(yaml.text());
            while (key.find()) {
                configured.computeIfAbsent(yaml.module(), m -> new ArrayList<>()).add(key.group(1));
            }
        }
        for (SourceFile file : java) {
            String code = file.code();
            Matcher call = GET_COLLECTION.matcher(code);
            boolean configurable = false;
            while (call.find()) {
                Optional<String> name = resolve(call.group(1).trim(), file, byModule.get(file.module()));
                if (name.isPresent()) {
                    byCollection.computeIfAbsent(name.get(), n -> new TreeSet<>()).add(file.module());
                } else {
                    configurable = true;
                }
            }
            if (configurable) {
                List<String> names = configured.getOrDefault(file.module(), List.of());
                if (names.isEmpty()) {
                    unresolved.add(file.module() + ": " + root.relativize(file.path()));
                }
                names.forEach(n -> byCollection.computeIfAbsent(n, k -> new TreeSet<>()).add(file.module()));
            }
        }
        return new Scan(byCollection, unresolved);
    }

    /** A literal, a constant of the same file, or {@code Type.CONSTANT} of the same module; empty if a variable. */
    private static Optional<String> resolve(String argument, SourceFile file, List<SourceFile> module) {
        Matcher literal = LITERAL.matcher(argument);
        if (literal.matches()) {
            return Optional.of(literal.group(1));
        }
        String identifier = argument.substring(argument.lastIndexOf('.') + 1);
        if (!identifier.matches("[A-Za-z_]\\w*")) {
            return Optional.empty();
        }
        Optional<String> own = constant(file, identifier);
        if (own.isPresent() || !argument.contains(".")) {
            return own;
        }
        String type = argument.substring(0, argument.lastIndexOf('.'));
        String simpleType = type.substring(type.lastIndexOf('.') + 1);
        return module.stream()
                .filter(f -> f.path().getFileName().toString().equals(simpleType + ".java"))
                .map(f -> constant(f, identifier))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> constant(SourceFile file, String identifier) {
        Matcher constant = STRING_CONSTANT.matcher(file.code());
        while (constant.find()) {
            if (constant.group(1).equals(identifier)) {
                return Optional.of(constant.group(2));
            }
        }
        return Optional.empty();
    }
}
