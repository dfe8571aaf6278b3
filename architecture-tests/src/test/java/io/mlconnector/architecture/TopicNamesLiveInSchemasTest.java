package io.mlconnector.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.architecture.MainSources.SourceFile;
import io.mlconnector.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topic names are built in one place, {@link Topics} in the schemas module: no other module's main code spells a
 * topic name or the dead-letter suffix in a string literal. A source scan, because a constant's value is inlined
 * into the classes that use it and ArchUnit cannot tell a literal from a use of {@code Topics}.
 */
class TopicNamesLiveInSchemasTest {

    private static final String HOW_TO_FIX = "A topic name is spelled outside the schemas module. Use the constant of "
            + "io.mlconnector.schemas.Topics (Topics.PROCORE_COST_DOCUMENTS, Topics.deadLetterOf(topic), ...); a new "
            + "topic is added to Topics first, with the record it carries.";

    @Test
    void noModuleButSchemasSpellsATopicName() {
        List<String> found = literalTopicNames(MainSources.repositoryRoot(), Topics.all());

        assertThat(found).as(HOW_TO_FIX).isEmpty();
    }

    @Test
    void aTopicNameSpelledInAServiceIsFound(@TempDir Path root) throws Exception {
        write(root, "some-service/src/main/java/a/Listener.java", """
                class Listener {
                    // procore.cost-documents in a comment is fine; "procore.cost-documents" in a comment too
                    static final String TOPIC = "procore.cost-documents";
                    String dlt(String t) { return t + ".dlt"; }
                    String key = "bc.environment"; // a tenant setting, not a topic
                    String text = \"""
                        reads vendor.links from the start
                        \""";
                }""");
        write(root, "schemas/src/main/java/s/Topics.java", """
                class Topics { static final String PROCORE_COST_DOCUMENTS = "procore.cost-documents"; }""");

        List<String> found = literalTopicNames(root, List.of("procore.cost-documents", "vendor.links"));

        assertThat(found).hasSize(3);
        assertThat(found.get(0)).isEqualTo("some-service/src/main/java/a/Listener.java: \"procore.cost-documents\"");
        assertThat(found.get(1)).isEqualTo("some-service/src/main/java/a/Listener.java: \".dlt\"");
        assertThat(found.get(2)).contains("reads vendor.links from the start");
    }

    /** Each literal outside schemas that holds a topic name or the dead-letter suffix, as {@code path: "literal"}. */
    static List<String> literalTopicNames(Path root, List<String> topics) {
        List<Pattern> patterns = new ArrayList<>();
        topics.forEach(topic -> patterns.add(Pattern.compile("(^|[^\\w.-])" + Pattern.quote(topic) + "($|[^\\w-])")));
        patterns.add(Pattern.compile(Pattern.quote(Topics.DEAD_LETTER_SUFFIX) + "($|[^\\w-])"));
        List<String> found = new ArrayList<>();
        for (SourceFile file : MainSources.java(root)) {
            if (file.module().equals("schemas")) {
                continue;
            }
            for (String literal : file.stringLiterals()) {
                if (patterns.stream().anyMatch(p -> p.matcher(literal).find())) {
                    found.add(root.relativize(file.path()).toString().replace('\\', '/') + ": \"" + literal + "\"");
                }
            }
        }
        return found;
    }

    private static void write(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
