package io.mlconnector.sandbox.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies saved from the real BC API load as they are: {@code @odata.context} and {@code @odata.etag} annotations,
 * enum values as encoded member names ({@code "_x0020_"}, {@code "Begin_x002D_Total"},
 * {@code "Cost_x0020_of_x0020_Goods_x0020_Sold"}) and a 64-bit {@code timestamp}; the sandbox answers with enum values
 * in that encoded form too (BC 2024 wave 1 and later), and filters take it.
 */
class RealResponseBodiesLoadTest {

    private static final String C = "companies(" + SandboxHttp.COMPANY + ")/";
    private static final String ENV = SandboxHttp.TENANT + "/Production/";

    @Test
    void aFolderOfRealResponsesLoadsAndEnumsGoOutEncoded(@TempDir Path data) throws Exception {
        copy(Path.of("../../demo-data/bc"), data);
        Path company = data.resolve(ENV + "companies/" + SandboxHttp.COMPANY);
        Files.writeString(data.resolve(ENV + "companies.json"), """
                {"@odata.context":"https://api.businesscentral.dynamics.com/v2.0/x/Production/api/v2.0/$metadata#companies",
                 "value":[{"@odata.etag":"W/\\"JzE5OzEyMzQ1Njc4OTAxMjM0NTY3ODkwMTsw\\"","id":"%s",
                   "systemVersion":"26.0.30643.32481","timestamp":1125899906842624,"name":"Harbor Ridge Builders",
                   "displayName":"Harbor Ridge Builders, Inc.","businessProfileId":"",
                   "systemCreatedAt":"2024-01-02T08:00:00Z","systemCreatedBy":"00000000-0000-0000-0000-000000000001",
                   "systemModifiedAt":"2026-01-02T08:00:00Z","systemModifiedBy":"00000000-0000-0000-0000-000000000001"}]}
                """.formatted(SandboxHttp.COMPANY));
        String vendors = Files.readString(company.resolve("vendors.json"))
                .replace("\"blocked\": \" \"", "\"blocked\": \"_x0020_\"")
                .replace("{\n    \"id\"", "{\n    \"@odata.etag\": \"W/\\\"JzE5OzQ1OzA=\\\"\",\n    \"id\"");
        Files.writeString(company.resolve("vendors.json"), "{\"@odata.context\":\"x\",\"value\":" + vendors + "}");
        String accounts = Files.readString(company.resolve("accounts.json"))
                .replace("\"Cost of Goods Sold\"", "\"Cost_x0020_of_x0020_Goods_x0020_Sold\"")
                .replace("\"Begin-Total\"", "\"Begin_x002D_Total\"");
        Files.writeString(company.resolve("accounts.json"), accounts);
        assertThat(vendors).contains("_x0020_").contains("@odata.etag");
        assertThat(accounts).contains("Cost_x0020_of_x0020_Goods_x0020_Sold");

        try (BcSandbox sandbox = BcSandbox.start(BcSandboxOptions.demo().toBuilder().dataDir(data).build())) {
            SandboxHttp http = new SandboxHttp(sandbox).login();

            var vendor = http.call("GET", C + "vendors?$filter=number eq 'V1010'", null).json().get("value").get(0);
            assertThat(vendor.get("blocked").asString()).isEqualTo("_x0020_");
            assertThat(vendor.get("@odata.etag").asString()).isNotEqualTo("W/\"JzE5OzQ1OzA=\"").startsWith("W/");
            assertThat(http.call("GET", C + "accounts?$filter=category eq 'Cost_x0020_of_x0020_Goods_x0020_Sold'", null)
                    .json().get("value")).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.get("category").asString()).isEqualTo("Cost_x0020_of_x0020_Goods_x0020_Sold"));
            assertThat(http.call("GET", "companies", null).json().get("value").get(0).get("timestamp").asLong())
                    .isEqualTo(1125899906842624L);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
