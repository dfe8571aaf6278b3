package io.mlconnector.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each MongoDB collection is opened by one module: its documents, indexes and migrations have one owner. A source
 * scan ({@link CollectionOwners}) because ArchUnit sees calls, not the strings they pass.
 */
class EachCollectionHasOneOwnerTest {

    private static final String HOW_TO_FIX = "Two modules open the same MongoDB collection. Give each module its own "
            + "collection (prefix the name with the module, as mapping_vendor_links and vendor_links are kept apart), "
            + "or let the owning module publish the data on a topic the other one consumes.";

    @Test
    void noCollectionIsOpenedByTwoModules() {
        CollectionOwners.Scan scan = CollectionOwners.scan(MainSources.repositoryRoot());

        assertThat(scan.unresolved())
                .as("getCollection is called with a name the scan cannot read: pass a String constant or a literal, or "
                        + "name a configurable collection in the module's YAML under a key ending in 'collection'")
                .isEmpty();
        assertThat(scan.shared()).as(HOW_TO_FIX).isEmpty();
    }

    /** The scan sees the stores it must see; if it found nothing, the check above would pass without checking. */
    @Test
    void theScanFindsTheKnownStores() {
        Map<String, TreeSet<String>> found = CollectionOwners.scan(MainSources.repositoryRoot()).modulesByCollection();

        assertThat(found).containsEntry("postings", new TreeSet<>(java.util.List.of("libs/posting-store")))
                .containsEntry("mapping_rules", new TreeSet<>(java.util.List.of("mapping-service")))
                .containsEntry("ingest_watermarks", new TreeSet<>(java.util.List.of("procore-ingest")))
                .containsEntry("vendor_links", new TreeSet<>(java.util.List.of("vendor-sync")))
                .containsEntry("posting_requests", new TreeSet<>(java.util.List.of("bc-poster")))
                .containsEntry("procore_webhook_deliveries", new TreeSet<>(java.util.List.of("webhook-gateway")));
    }

    @Test
    void aCollectionOpenedByTwoModulesIsFound(@TempDir Path root) throws Exception {
        write(root, "one-service/src/main/java/a/PartStore.java", """
                class PartStore {
                    static final String COLLECTION = "parts";
                    PartStore(MongoDatabase db) { db.getCollection(COLLECTION); }
                }""");
        write(root, "other-service/src/main/java/b/PartReader.java", """
                class PartReader {
                    PartReader(MongoDatabase db) { db.getCollection("parts"); } // the same collection, another module
                }""");
        write(root, "third-service/src/main/java/c/Keeper.java", """
                class Keeper {
                    Keeper(MongoDatabase db) { db.getCollection(PartNames.KEPT); }
                }""");
        write(root, "third-service/src/main/java/c/PartNames.java", """
                final class PartNames { static final String KEPT = "kept_parts"; }""");
        write(root, "fourth-service/src/main/java/d/Configured.java", """
                class Configured { Configured(MongoDatabase db, String name) { db.getCollection(name); } }""");
        write(root, "fourth-service/src/main/resources/fourth.yml", """
                mlc:
                  dedupe:
                    collection: parts   # configured, and still the same collection
                """);

        CollectionOwners.Scan scan = CollectionOwners.scan(root);

        assertThat(scan.shared()).containsOnlyKeys("parts");
        assertThat(scan.shared().get("parts")).containsExactly("fourth-service", "one-service", "other-service");
        assertThat(scan.modulesByCollection()).containsKey("kept_parts");
        assertThat(scan.unresolved()).isEmpty();
    }

    @Test
    void aNameTheScanCannotReadIsReported(@TempDir Path root) throws Exception {
        write(root, "svc/src/main/java/a/Mystery.java", """
                class Mystery { Mystery(MongoDatabase db, String name) { db.getCollection(name); } }""");

        assertThat(CollectionOwners.scan(root).unresolved()).containsExactly("svc: svc/src/main/java/a/Mystery.java");
    }

    private static void write(Path root, String path, String text) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
