package io.mlconnector.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The main sources of every module, read as text for what bytecode does not show (which string a constant holds, a
 * literal passed to a method). A module is the folder that holds {@code src/main}, named by its path from the
 * repository root ({@code mapping-service}, {@code libs/posting-store}).
 */
final class MainSources {

    /** One main source or resource file of a module. */
    record SourceFile(String module, Path path, String text) {

        /** The code with comments removed (string literals kept as they are). */
        String code() {
            return JavaText.withoutComments(text);
        }

        /** Every string literal in the code (text blocks too), its content as written between the quotes. */
        List<String> stringLiterals() {
            return JavaText.stringLiterals(text);
        }
    }

    private MainSources() {
    }

    /** The repository root: {@code mlc.home} as the build sets it, else the folder above this module. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("mlc.home", "..")).toAbsolutePath().normalize();
    }

    /** Every {@code src/main/java/**.java} below {@code root}. */
    static List<SourceFile> java(Path root) {
        return files(root, "src/main/java", ".java");
    }

    /** Every {@code src/main/resources/**.yml} (and .yaml) below {@code root}. */
    static List<SourceFile> yaml(Path root) {
        List<SourceFile> all = new ArrayList<>(files(root, "src/main/resources", ".yml"));
        all.addAll(files(root, "src/main/resources", ".yaml"));
        return all;
    }

    private static List<SourceFile> files(Path root, String sourceFolder, String suffix) {
        List<SourceFile> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root)
                            && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    int at = relative.indexOf("/" + sourceFolder + "/");
                    if (at > 0 && relative.endsWith(suffix)) {
                        found.add(new SourceFile(relative.substring(0, at), file, read(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(Comparator.comparing(f -> f.path().toString()));
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
