package io.mlconnector.sandbox.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * Guards against the sandbox inventing field names: every entity set, entity type and property the sandbox serves
 * (and every key in the JSON it actually renders) must exist in BC's real v2.0 $metadata (test resource
 * bc-metadata/metadata.xml, MIT, see SOURCE.md there).
 */
class MetadataContractTest {

    private static final Map<String, Set<String>> PROPERTIES = new HashMap<>();
    private static final Map<String, Set<String>> NAVIGATIONS = new HashMap<>();
    private static final Map<String, String> ENTITY_SETS = new HashMap<>();
    private static BcSandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void readMetadata() throws Exception {
        try (InputStream in = MetadataContractTest.class.getResourceAsStream("/bc-metadata/metadata.xml")) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            Document doc = f.newDocumentBuilder().parse(in);
            NodeList types = doc.getElementsByTagName("EntityType");
            for (int i = 0; i < types.getLength(); i++) {
                Element type = (Element) types.item(i);
                Set<String> props = new HashSet<>();
                NodeList p = type.getElementsByTagName("Property");
                for (int j = 0; j < p.getLength(); j++) {
                    props.add(((Element) p.item(j)).getAttribute("Name"));
                }
                Set<String> navs = new HashSet<>();
                NodeList n = type.getElementsByTagName("NavigationProperty");
                for (int j = 0; j < n.getLength(); j++) {
                    navs.add(((Element) n.item(j)).getAttribute("Name"));
                }
                PROPERTIES.put(type.getAttribute("Name"), props);
                NAVIGATIONS.put(type.getAttribute("Name"), navs);
            }
            NodeList sets = doc.getElementsByTagName("EntitySet");
            for (int i = 0; i < sets.getLength(); i++) {
                Element set = (Element) sets.item(i);
                ENTITY_SETS.put(set.getAttribute("Name"), set.getAttribute("EntityType").replace("Microsoft.NAV.", ""));
            }
        }
        sandbox = BcSandbox.start(BcSandboxOptions.demo());
        http = new SandboxHttp(sandbox).login();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everyEntitySetTypeAndPropertyOfTheSandboxExistsInTheMetadata() {
        EntityTypes.BY_SET.forEach((set, type) -> {
            assertThat(ENTITY_SETS).as("entity set %s", set).containsEntry(set, type.name);
            assertThat(PROPERTIES.get(type.name)).as("properties of %s", type.name).containsAll(type.props.keySet());
        });
    }

    @Test
    void renderedJsonUsesOnlyMetadataNames() throws Exception {
        String c = "companies(" + SandboxHttp.COMPANY + ")/";
        String draft = """
                {"vendorNumber":"V1010","vendorInvoiceNumber":"contract-1","postingDate":"2026-09-10",
                 "purchaseInvoiceLines":[{"lineType":"Account","lineObjectNumber":"5120","quantity":1,"unitCost":10,
                   "dimensionSetLines":[{"code":"PROJECT","valueCode":"2024-001"}]}]}""";
        assertThat(http.call("POST", c + "purchaseInvoices", draft).status()).isEqualTo(201);
        checkKeys(http.call("GET", "companies", null).json(), "company");
        checkKeys(http.call("GET", c + "vendors", null).json(), "vendor");
        checkKeys(http.call("GET", c + "accounts", null).json(), "account");
        checkKeys(http.call("GET", c + "dimensions?$expand=dimensionValues", null).json(), "dimension");
        checkKeys(http.call("GET", c + "journals", null).json(), "journal");
        checkKeys(http.call("GET", c + "purchaseOrders", null).json(), "purchaseOrder");
        checkKeys(http.call("GET", c + "purchaseInvoices?$expand=purchaseInvoiceLines($expand=dimensionSetLines)",
                null).json(), "purchaseInvoice");
    }

    private static void checkKeys(JsonNode collection, String type) {
        assertThat(collection.get("value").isEmpty()).as("%s list is empty", type).isFalse();
        for (JsonNode entity : collection.get("value")) {
            checkEntity(entity, type);
        }
    }

    private static void checkEntity(JsonNode entity, String type) {
        for (Iterator<String> it = entity.propertyNames().iterator(); it.hasNext(); ) {
            String key = it.next();
            if (key.startsWith("@odata")) {
                continue;
            }
            if (entity.get(key).isArray()) {
                assertThat(NAVIGATIONS.get(type)).as("navigation %s of %s", key, type).contains(key);
                String childType = ENTITY_SETS.get(key);
                entity.get(key).forEach(child -> checkEntity(child, childType));
            } else {
                assertThat(PROPERTIES.get(type)).as("property %s of %s", key, type).contains(key);
            }
        }
    }
}
