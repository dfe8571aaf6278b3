package io.mlconnector.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Guards against an image that looks built but cannot run: a base without a working java (missing
 * shared libraries, dangling symlinks into the build machine's /etc), an application classpath with
 * holes, or a config that runs as root, hides the ports or drops the container JVM flags.
 * Runs after `jib:buildTar` (Failsafe, -Pimages): unpacks each OCI tarball layer by layer, as a container
 * runtime would, and starts the image's own java through the image's own dynamic loader and glibc.
 */
class ImageTarballsRunJavaIT {

    private static final Path IMAGES = Path.of(System.getProperty("images.dir", "target/images"));

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"webhook-gateway", "procore-ingest", "mapping-service", "bc-poster", "vendor-sync"})
    @SuppressWarnings("unchecked")
    void imageRunsJavaAsNonRootWithACompleteClasspath(String service) throws Exception {
        Path tarball = IMAGES.resolve(service + ".tar");
        assertThat(tarball).isRegularFile();
        Path layout = Files.createDirectories(work.resolve("layout"));
        run(List.of("tar", "-xf", tarball.toString(), "-C", layout.toString()));

        // OCI image layout: index.json -> manifest -> config + layers.
        Map<String, Object> index = json(layout.resolve("index.json"));
        Map<String, Object> manifest = blob(layout, (String) first(index, "manifests").get("digest"));
        Map<String, Object> config = blob(layout, (String) ((Map<?, ?>) manifest.get("config")).get("digest"));
        Map<?, ?> runtime = (Map<?, ?>) config.get("config");
        assertThat(runtime.get("User")).isEqualTo("10001:10001");
        assertThat(((Map<String, Object>) runtime.get("ExposedPorts")).keySet()).containsExactlyInAnyOrder("8080/tcp", "8081/tcp");
        assertThat((List<Object>) runtime.get("Entrypoint")).containsExactly("/opt/java/bin/java", "-jar", "/app/app.jar");
        assertThat((List<Object>) runtime.get("Env")).anySatisfy(e -> assertThat(e.toString())
                .startsWith("JAVA_TOOL_OPTIONS=").contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError"));

        List<Map<String, Object>> layers = list(manifest, "layers");
        assertThat(layers).as("base, dependencies, snapshot dependencies, application").hasSizeGreaterThanOrEqualTo(4);
        Path root = Files.createDirectories(work.resolve("rootfs"));
        for (Map<String, Object> layer : layers) {
            Path blob = blobPath(layout, (String) layer.get("digest"));
            String gz = layer.get("mediaType").toString().endsWith("gzip") ? "z" : "";
            run(List.of("tar", "-x" + gz + "f", blob.toString(), "-C", root.toString()));
        }

        assertThat(Files.readString(root.resolve("etc/passwd"))).contains(":10001:10001:");
        Path appJar = root.resolve("app/app.jar");
        assertThat(appJar).isRegularFile();
        assertEveryClassPathEntryIsInTheImage(appJar);

        // The image's java, loaded by the image's ld.so against the image's libraries only.
        Path loader = root.resolve("lib64/ld-linux-x86-64.so.2");
        String libraryPath = root.resolve("lib/x86_64-linux-gnu") + ":" + root.resolve("opt/java/lib");
        String java = root.resolve("opt/java/bin/java").toString();
        String version = run(List.of(loader.toString(), "--library-path", libraryPath, java, "-version"));
        assertThat(version).contains("openjdk version \"17.");
        String modules = run(List.of(loader.toString(), "--library-path", libraryPath, java, "--list-modules"));
        assertThat(modules).contains("java.desktop@", "java.sql@", "java.naming@", "jdk.unsupported@",
                "jdk.crypto.ec@", "java.security.sasl@", "jdk.naming.dns@");
        assertThat(root.resolve("opt/java/lib/security/cacerts")).as("CA certificates, not a dangling link")
                .isRegularFile().satisfies(p -> assertThat(Files.size(p)).isGreaterThan(10_000));
    }

    /** Spring Boot's extracted app.jar names its libraries in Class-Path; each must be in the image. */
    private static void assertEveryClassPathEntryIsInTheImage(Path appJar) throws IOException {
        try (JarFile jar = new JarFile(appJar.toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isNotBlank();
            String classPath = manifest.getMainAttributes().getValue("Class-Path");
            assertThat(classPath).isNotBlank();
            for (String entry : classPath.trim().split("\\s+")) {
                assertThat(appJar.resolveSibling(entry)).as("Class-Path entry %s", entry).isRegularFile();
            }
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", command, output).isZero();
        return output;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        // JSON is YAML; SnakeYAML is already on the test classpath.
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    private static Map<String, Object> blob(Path layout, String digest) throws IOException {
        return json(blobPath(layout, digest));
    }

    private static Path blobPath(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> node, String key) {
        return new ArrayList<>((List<Map<String, Object>>) node.get(key));
    }

    private static Map<String, Object> first(Map<String, Object> node, String key) {
        return list(node, key).get(0);
    }
}
