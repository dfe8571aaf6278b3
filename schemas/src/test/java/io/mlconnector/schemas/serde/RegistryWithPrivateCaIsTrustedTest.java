package io.mlconnector.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.mlconnector.schemas.registry.SchemaRegistryRestClient;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards against an https registry signed by a private CA being unreachable (the chart mounts the CA bundle and
 * sets schema.registry.ssl.truststore.location): the serde's client must trust that bundle beside the JVM's CAs.
 */
class RegistryWithPrivateCaIsTrustedTest {

    @TempDir
    Path dir;

    @Test
    void caBundleFromConfigLetsTheClientReachAnHttpsRegistry() throws Exception {
        Path keystore = dir.resolve("registry.p12");
        Path pem = dir.resolve("ca.crt");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "registry", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", pem.toString());

        HttpsServer server = httpsServer(keystore);
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort();
            Map<String, Object> withoutCa = new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url));
            assertThatThrownBy(() -> ((SchemaRegistryRestClient) AvroSerdeConfig.registry(withoutCa)).subjects())
                    .as("the JVM's default CAs do not know a private CA").isNotNull();

            Map<String, Object> withCa = new HashMap<>(withoutCa);
            withCa.put(AvroSerdeConfig.TRUSTSTORE_LOCATION, pem.toString());
            withCa.put(AvroSerdeConfig.TRUSTSTORE_TYPE, "PEM");
            assertThat(((SchemaRegistryRestClient) AvroSerdeConfig.registry(withCa)).subjects())
                    .containsExactly("procore.cost-documents-value");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBundleWithoutCertificatesIsRefusedWithItsPath() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://registry.invalid",
                AvroSerdeConfig.TRUSTSTORE_LOCATION, empty.toString());
        assertThatThrownBy(() -> AvroSerdeConfig.registry(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(empty.toString());
    }

    private static HttpsServer httpsServer(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/subjects", exchange -> {
            byte[] body = "[\"procore.cost-documents-value\"]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
