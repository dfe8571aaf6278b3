package io.mlconnector.sandbox.procore;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The query parameters each Procore endpoint the sandbox serves declares, per operation of Procore's REST API
 * reference (https://developers.procore.com/reference/rest, operation ids as in Procore's OpenAPI file
 * {@code combined_OAS.json}). A request carrying a parameter its endpoint does not declare is refused by the
 * sandbox (or ignored, {@link UndeclaredParameters}): a connector must not rely on a filter the real endpoint
 * may silently drop — {@code filters[include_deleted]} on direct costs, for instance, is declared only on the
 * commitment lists. Array filters are matched with or without the trailing {@code []}.
 *
 * <p>Operations Procore's OpenAPI file lacks or under-declares are marked: {@code GET /rest/v1.0/companies}
 * (Company Settings "List Companies": page, per_page, include_free_companies), the v1.0 single-hook read, and the
 * {@code company_id} scope of the webhook resource list (Procore's Webhooks API guide: every webhooks call is
 * scoped by {@code company_id} or {@code project_id}).
 */
public final class DeclaredParameters {

    /** One operation: method, path pattern ({id} segments as digits), the declared query parameters, its source. */
    public record Operation(String method, String pathTemplate, Set<String> parameters, String source) {

        boolean matches(String m, String path) {
            return method.equals(m) && pattern(pathTemplate).matcher(path).matches();
        }
    }

    private static final List<Operation> OPERATIONS = new ArrayList<>();

    private static final String[] PAGED = {"page", "per_page"};

    static {
        op("GET", "/rest/v1.0/companies", "RestV10CompaniesGet", "page", "per_page", "include_free_companies");
        for (String v : List.of("v1.0", "v1.1")) {
            op("GET", "/rest/" + v + "/projects", "Rest" + camel(v) + "ProjectsGet", "company_id", "page", "per_page",
                    "filters[by_status]", "filters[updated_at]", "filters[origin_id]", "filters[id]", "filters[synced]",
                    "filters[vendor_id]", "filters[project_number]", "view", "sort");
        }
        op("GET", "/rest/v1.0/vendors", "RestV10VendorsGet", "view", "company_id", "page", "per_page",
                "filters[origin_id]", "filters[search]", "filters[created_at]", "filters[updated_at]",
                "filters[standard_cost_code_id]", "filters[trade_id]", "filters[id]", "filters[parent_id]", "sort");
        op("GET", "/rest/v1.0/vendors/{id}", "RestV10VendorsIdGet", "company_id", "view", "page", "per_page");
        op("POST", "/rest/v1.0/vendors", "RestV10VendorsPost", "view", "run_configurable_validations");
        op("PATCH", "/rest/v1.0/vendors/{id}", "RestV10VendorsIdPatch", "view", "run_configurable_validations");
        op("PATCH", "/rest/v1.0/vendors/sync", "RestV10VendorsSyncPatch", "run_configurable_validations");
        op("GET", "/rest/v1.0/companies/{id}/vendors/inactive", "RestV10CompaniesCompanyIdVendorsInactiveGet",
                "page", "per_page", "view", "sort");
        op("GET", "/rest/v1.0/line_item_types", "RestV10LineItemTypesGet", "company_id", "project_id", "page",
                "per_page", "filters[origin_id]");
        op("GET", "/rest/v1.0/cost_codes", "RestV10CostCodesGet", "project_id", "sub_job_id", "filters[id]", "page",
                "per_page", "filters[origin_id]", "view");
        op("GET", "/rest/v1.0/requisitions", "RestV10RequisitionsGet", "project_id", "page", "per_page", "filters[id]",
                "filters[commitment_id]", "filters[period_id]", "filters[status]", "filters[created_at]",
                "filters[updated_at]", "filters[origin_id]");
        op("GET", "/rest/v1.0/requisitions/{id}", "RestV10RequisitionsIdGet", "project_id");
        op("GET", "/rest/v1.1/requisitions", "RestV11RequisitionsGet", "project_id", "page", "per_page", "filters[id]",
                "filters[commitment_id]", "filters[period_id]", "filters[status]", "filters[created_at]",
                "filters[updated_at]", "filters[origin_id]", "filters[is_last]", "view");
        op("GET", "/rest/v1.1/requisitions/{id}", "RestV11RequisitionsIdGet", "project_id", "view");
        for (String v : List.of("v1.0", "v1.1")) {
            // no filters[include_deleted] on either version of the direct-cost list
            op("GET", "/rest/" + v + "/projects/{id}/direct_costs", "Rest" + camel(v) + "ProjectsProjectIdDirectCostsGet",
                    "page", "per_page", "filters[id]", "filters[origin_id]", "filters[invoice_number]",
                    "filters[created_at]", "filters[updated_at]", "filters[payment_date]", "filters[received_date]");
            op("GET", "/rest/" + v + "/projects/{id}/direct_costs/{id}", "Rest" + camel(v) + "ProjectsProjectIdDirectCostsIdGet");
        }
        op("GET", "/rest/v1.0/projects/{id}/direct_costs/line_items", "RestV10ProjectsProjectIdDirectCostsLineItemsGet",
                "page", "per_page", "filters[direct_cost_id]", "filters[id]", "filters[created_at]", "filters[updated_at]",
                "filters[cost_code_id]", "filters[line_item_type_id]");
        op("GET", "/rest/v1.0/projects/{id}/direct_costs/{id}/line_items",
                "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsGet", "page", "per_page", "filters[id]",
                "filters[created_at]", "filters[updated_at]", "filters[cost_code_id]", "filters[line_item_type_id]");
        for (String contract : List.of("work_order_contracts", "purchase_order_contracts")) {
            String name = contract.equals("work_order_contracts") ? "RestV10WorkOrderContracts" : "RestV10PurchaseOrderContracts";
            op("GET", "/rest/v1.0/" + contract, name + "Get", "project_id", "view", "page", "per_page", "filters[id]",
                    "filters[status]", "filters[created_at]", "filters[updated_at]", "filters[include_deleted]",
                    "filters[origin_id]");
            op("GET", "/rest/v1.0/" + contract + "/{id}", name + "IdGet", "project_id");
            op("GET", "/rest/v1.0/" + contract + "/{id}/line_items", name + "ContractIdLineItemsGet", "project_id",
                    "page", "per_page", "filters[id]", "filters[created_at]", "filters[updated_at]",
                    "filters[cost_code_id]", "filters[line_item_type_id]", "view");
        }
        for (String co : List.of("commitment_change_orders", "prime_change_orders")) {
            String name = co.equals("commitment_change_orders") ? "CommitmentChangeOrders" : "PrimeChangeOrders";
            // the v1.0 change-order lists declare no page / per_page
            op("GET", "/rest/v1.0/projects/{id}/" + co, "RestV10ProjectsProjectId" + name + "Get", "view", "sort",
                    "filters[id]", "filters[batch_id]", "filters[legacy_package_id]", "filters[contract_id]",
                    "filters[vendor_id]", "filters[signature_required]", "filters[executed]", "filters[status]",
                    "filters[updated_at]");
            op("GET", "/rest/v1.0/projects/{id}/" + co + "/{id}", "RestV10ProjectsProjectId" + name + "IdGet", "view");
            op("GET", "/rest/v2.0/companies/{id}/projects/{id}/" + co + "/{id}/line_items",
                    "RestV20CompaniesCompanyIdProjectsProjectId" + name + "IdLineItemsGet", PAGED);
        }
        String hooks = "/rest/v1.0/webhooks/hooks";
        op("GET", hooks, "RestV10WebhooksHooksGet", "company_id", "project_id", "namespace", "api_version");
        op("POST", hooks, "RestV10WebhooksHooksPost");
        // the v1.0 single-hook read is missing from the OpenAPI file; scoped like every webhooks call
        op("GET", hooks + "/{id}", "Webhooks API guide (hook show)", "company_id", "project_id");
        op("PATCH", hooks + "/{id}", "RestV10WebhooksHooksIdPatch");
        op("PUT", hooks + "/{id}", "RestV10WebhooksHooksIdPatch");
        op("DELETE", hooks + "/{id}", "RestV10WebhooksHooksIdDelete", "company_id", "project_id");
        op("GET", hooks + "/{id}/triggers", "RestV10WebhooksHooksHookIdTriggersGet", "company_id", "project_id");
        op("POST", hooks + "/{id}/triggers", "RestV10WebhooksHooksHookIdTriggersPost");
        op("POST", hooks + "/{id}/triggers/bulk", "RestV10WebhooksHooksHookIdTriggersBulkPost");
        op("DELETE", hooks + "/{id}/triggers/bulk", "RestV10WebhooksHooksHookIdTriggersBulkDelete");
        op("DELETE", hooks + "/{id}/triggers/{id}", "RestV10WebhooksHooksHookIdTriggersIdDelete", "company_id", "project_id");
        op("GET", hooks + "/{id}/deliveries", "RestV10WebhooksHooksHookIdDeliveriesGet", "company_id", "project_id",
                "page_size", "page_start", "filters[status]");
        // the OpenAPI file declares project_id only; the Webhooks API guide scopes company hooks by company_id
        op("GET", "/rest/v1.0/webhooks/resources", "RestV10WebhooksResourcesGet", "project_id", "company_id");
    }

    private DeclaredParameters() {
    }

    private static void op(String method, String path, String source, String... parameters) {
        Set<String> declared = new LinkedHashSet<>();
        for (String p : parameters) {
            declared.add(normalize(p));
        }
        OPERATIONS.add(new Operation(method, path, Set.copyOf(declared), source));
    }

    private static String camel(String version) {
        return "V" + version.substring(1).replace(".", "");
    }

    private static Pattern pattern(String template) {
        return Pattern.compile(Pattern.quote(template).replace("{id}", "\\E\\d+\\Q"));
    }

    /** {@code filters[id][]} and {@code filters[id]} name the same declared parameter. */
    static String normalize(String name) {
        return name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
    }

    /** The operation serving {@code method path}, if the table has it. */
    public static Optional<Operation> operation(String method, String path) {
        // the most specific template first: ".../direct_costs/line_items" before ".../direct_costs/{id}"
        return OPERATIONS.stream().filter(o -> o.matches(method, path))
                .min((a, b) -> Integer.compare(a.pathTemplate().split("\\{id}").length, b.pathTemplate().split("\\{id}").length));
    }

    /** Whether the endpoint declares paging ({@code page}); the v1.0 change-order lists do not. */
    static boolean paged(String method, String path) {
        return operation(method, path).map(o -> o.parameters().contains("page")).orElse(true);
    }

    /**
     * The query parameters of a request its endpoint does not declare (empty when all are declared, or when the
     * table has no such operation: unknown routes are the router's business, answered 404).
     */
    public static Set<String> undeclared(String method, String path, Iterable<String> queryNames) {
        Optional<Operation> op = operation(method, path);
        Set<String> out = new TreeSet<>();
        if (op.isEmpty()) {
            return out;
        }
        for (String name : queryNames) {
            if (!op.get().parameters().contains(normalize(name))) {
                out.add(name);
            }
        }
        return out;
    }

    /** As {@link #undeclared(String, String, Iterable)} for a logged {@code path?query}, percent-decoded. */
    public static Set<String> undeclared(String method, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        List<String> names = new ArrayList<>();
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    names.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
                }
            }
        }
        return undeclared(method, path, names);
    }
}
