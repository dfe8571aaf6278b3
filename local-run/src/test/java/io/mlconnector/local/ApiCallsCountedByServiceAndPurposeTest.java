package io.mlconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * Guards the summary's API call breakdown: each request is named by its purpose in words (ids, company and project
 * scopes left out, BC actions and the token requests named), counted under the service that sent it and the API it
 * went to, once per attempt (a retry re-subscribes and is a second request, as the API counts it), and requests to
 * anything but the two APIs are not counted.
 */
class ApiCallsCountedByServiceAndPurposeTest {

    private static final String BC_COMPANY = "/v2.0/7c1d2e3f/Production/api/v2.0/companies(5a1e0000-0000-4000-8000-0000000c0001)";

    @Test
    void procoreRequestsAreNamedByWhatTheyDo() {
        assertThat(ApiCallTally.procorePurpose("POST", "/oauth/token")).isEqualTo("token");
        assertThat(ApiCallTally.procorePurpose("GET", "/rest/v1.1/projects")).isEqualTo("list projects");
        assertThat(ApiCallTally.procorePurpose("GET", "/rest/v1.1/projects/2783/direct_costs"))
                .isEqualTo("list direct costs");
        assertThat(ApiCallTally.procorePurpose("GET", "/rest/v1.1/projects/2783/direct_costs/99"))
                .isEqualTo("read direct costs");
        assertThat(ApiCallTally.procorePurpose("GET", "/rest/v1.0/work_order_contracts/7100101"))
                .isEqualTo("read work order contracts");
        assertThat(ApiCallTally.procorePurpose("GET",
                "/rest/v2.0/companies/5001234/projects/2783/change_order_packages/7500301/line_items"))
                .isEqualTo("list change order packages / line items");
        assertThat(ApiCallTally.procorePurpose("GET", "/rest/v1.0/companies/5001234/vendors/inactive"))
                .isEqualTo("list vendors / inactive");
        assertThat(ApiCallTally.procorePurpose("PATCH", "/rest/v1.0/vendors/sync")).isEqualTo("update vendors / sync");
        assertThat(ApiCallTally.procorePurpose("POST", "/rest/v1.0/webhooks/hooks")).isEqualTo("create webhooks / hooks");
    }

    @Test
    void businessCentralRequestsAreNamedByWhatTheyDo() {
        assertThat(ApiCallTally.bcPurpose("POST", "/7c1d2e3f/oauth2/v2.0/token")).isEqualTo("token");
        assertThat(ApiCallTally.bcPurpose("POST", BC_COMPANY + "/purchaseInvoices")).isEqualTo("create purchase invoices");
        assertThat(ApiCallTally.bcPurpose("GET", BC_COMPANY + "/purchaseInvoices")).isEqualTo("list purchase invoices");
        assertThat(ApiCallTally.bcPurpose("POST", BC_COMPANY + "/purchaseInvoices(9f1c2d3e-0000-4000-8000-000000000001)"
                + "/Microsoft.NAV.post")).isEqualTo("post purchase invoices");
        assertThat(ApiCallTally.bcPurpose("POST", BC_COMPANY + "/purchaseInvoices(9f1c2d3e-0000-4000-8000-000000000001)"
                + "/purchaseInvoiceLines")).isEqualTo("create purchase invoices / purchase invoice lines");
        assertThat(ApiCallTally.bcPurpose("PATCH", BC_COMPANY + "/vendors(9f1c2d3e-0000-4000-8000-000000000002)"))
                .isEqualTo("update vendors");
        assertThat(ApiCallTally.bcPurpose("POST", "/v2.0/7c1d2e3f/Production/api/v2.0/$batch")).isEqualTo("batch");
        assertThat(ApiCallTally.bcPurpose("POST", "/v2.0/7c1d2e3f/Production/api/v2.0/subscriptions"))
                .isEqualTo("create subscriptions");
    }

    @Test
    void eachAttemptIsCountedUnderItsServiceAndApiAndOtherHostsAreNot() {
        ApiCallTally tally = new ApiCallTally(40001, 40002);
        ExchangeFilterFunction poster = tally.filterFor("bc-poster");
        Mono<ClientResponse> create = poster.filter(request("http://127.0.0.1:40002" + BC_COMPANY + "/purchaseInvoices"),
                r -> Mono.just(ClientResponse.create(HttpStatus.CREATED).build()));
        create.block();
        create.block(); // a retry subscribes again: a second request to BC
        tally.filterFor("procore-ingest").filter(request("http://127.0.0.1:40001/oauth/token"),
                r -> Mono.just(ClientResponse.create(HttpStatus.OK).build())).block();
        tally.filterFor("procore-ingest").filter(request("http://127.0.0.1:40003/subjects"),
                r -> Mono.just(ClientResponse.create(HttpStatus.OK).build())).block();

        assertThat(tally.snapshot()).isEqualTo(Map.of(
                "bc-poster", Map.of(ApiCallTally.BUSINESS_CENTRAL, Map.of("create purchase invoices", 2L)),
                "procore-ingest", Map.of(ApiCallTally.PROCORE, Map.of("token", 1L))));
        assertThat(tally.total(ApiCallTally.BUSINESS_CENTRAL)).isEqualTo(2);
        assertThat(tally.total(ApiCallTally.PROCORE)).isEqualTo(1);
    }

    private static ClientRequest request(String url) {
        return ClientRequest.create(HttpMethod.POST, URI.create(url)).build();
    }
}
