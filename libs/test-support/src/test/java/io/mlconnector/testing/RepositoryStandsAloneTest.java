package io.mlconnector.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the rule that the repository stands alone: no tracked text file may cite a document that is not in the
 * repository (private API notes, a design or team note, a folder beside the checkout), speak of people
 * instead of things, or hold an absolute path of a developer's machine. A fresh clone must explain itself.
 *
 * <p>Runs in libs/test-support because that module builds second and has nothing else to test. The patterns are
 * written so that this file does not match them itself.
 */
class RepositoryStandsAloneTest {

    private static final String HOW_TO_FIX = """
            Cite the public source instead: a Microsoft Learn page for Business Central or Entra ID, Procore's developer \
            documentation (https://developers.procore.com) or an RFC, by its short page name (docs/api-facts.md lists \
            them with their addresses). Where no public page says it, write the fact in docs/api-facts.md in your own \
            words with its source and whether it is confirmed, and point the comment there. Describe the demo data by \
            pointing at demo-data/README.md. Say what a thing is, not who owns it. Replace an absolute path of a \
            machine by a path relative to the repository root or the module.""";

    /** One kind of reference that has no place in the repository. */
    private record Rule(String what, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("a path into a folder outside the repository",
                    Pattern.compile("\\bshared[/]|\\.\\./shared\\b")),
            new Rule("a document that is not in the repository",
                    Pattern.compile("\\b(?:STACK|DESIGN|STYLE|TEAM)[.]md\\b")),
            new Rule("private API notes (cite the public page)",
                    Pattern.compile("\\b(?:bc|procore)-api[.]md\\b|\\bfield[-]survey\\b"
                            + "|\\breference[ ]sheet\\b", Pattern.CASE_INSENSITIVE)),
            new Rule("how the work is organised rather than what the thing is",
                    Pattern.compile("\\b[Tt]he[ ]lead(?:'s)?\\b(?![ ]byte)|\\bthe[ ]issue[ ]text\\b"
                            + "|\\bteam(?:'s)?[ ](?:catalogue|brief|reference)\\b", Pattern.CASE_INSENSITIVE)),
            new Rule("an absolute path of a developer's machine",
                    Pattern.compile("(?<![\\w$}.-])/work[/]|/Users/\\w|/home/\\w+/|(?<![\\w$}])/root/[\\w.]"
                            + "|\\b[A-Za-z]:\\\\Users\\\\")));

    @Test
    void noTrackedFileCitesAnythingOutsideTheRepository() {
        Path root = repositoryRoot();
        List<String> findings = new ArrayList<>();
        for (Path file : trackedFiles(root)) {
            findings.addAll(scan(root.relativize(file).toString().replace('\\', '/'), read(file)));
        }
        if (!findings.isEmpty()) {
            fail(findings.size() + " line(s) point outside the repository:\n  " + String.join("\n  ", findings)
                    + "\n\n" + HOW_TO_FIX);
        }
    }

    @Test
    void rulesCatchEachKindOfReference() {
        // Built from pieces so that this file does not hold them whole.
        List<String> bad = List.of(
                "see ../../" + "shared" + "/specs/x", "(bc" + "-api.md 3.4)", "(procore" + "-api.md §11)",
                "STACK" + ".md", "DESIGN" + ".md, posting policy", "catalogue in TEAM" + ".md",
                "as the reference" + " sheet says", "Kafka wiring is the " + "lead's", "The issue" + " text lists",
                "following the team" + " catalogue", "cd /" + "work/main && mvn", "/" + "home/alice/src",
                "/" + "Users/alice/src", "/" + "root/.m2", "C:\\" + "Users\\alice");
        for (String line : bad) {
            assertEquals(1, scan("X.java", line).size(), () -> "not caught: " + line);
        }
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        List<String> good = List.of(
                "a journal line in the shared batch", "a lead byte followed by '\"' is not UTF-8",
                "mkdir -p \"$ROOT/home/app\" \"$ROOT/tmp\"", "app:x:10001:10001:ml-connector:/home/app:/sbin/nologin",
                "root:x:0:0:root:/root:/sbin/nologin", "\"--state-dir\", \"/tmp/x\"",
                "(RFC 9110 §15.5.6)", "(Microsoft Learn: dynamics-subscriptions)", "https://example.com/work/x",
                "/opt/java/bin/java -jar /app/app.jar", "what a platform team creates up front");
        for (String line : good) {
            assertTrue(scan("X.java", line).isEmpty(), () -> "wrongly caught: " + line);
        }
    }

    /** One finding per matching line: {@code path:line: what — the line}. */
    static List<String> scan(String path, String text) {
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(lines[i]).find()) {
                    findings.add(path + ":" + (i + 1) + ": " + rule.what() + " — " + lines[i].strip());
                    break;
                }
            }
        }
        return findings;
    }

    /** The directory holding {@code mvnw}: the reactor root, above this module's directory. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with mvnw above " + Path.of("").toAbsolutePath()
                + ": run this test from inside the repository");
    }

    /** The files git tracks; without git (a source archive), every file outside hidden and build directories. */
    private static List<Path> trackedFiles(Path root) {
        if (Files.exists(root.resolve(".git"))) {
            try {
                Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] out = git.getInputStream().readAllBytes();
                if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
                    return Arrays.stream(new String(out, StandardCharsets.UTF_8).split("\0"))
                            .filter(name -> !name.isEmpty())
                            .map(root::resolve)
                            .filter(Files::isRegularFile)
                            .toList();
                }
            } catch (IOException e) {
                // no git on this machine: walk the tree instead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while listing the repository's files", e);
            }
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> isSourceFile(root.relativize(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSourceFile(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** The file as text; empty for a binary file (a NUL byte among its first 8 KiB). */
    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) {
                    return "";
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
