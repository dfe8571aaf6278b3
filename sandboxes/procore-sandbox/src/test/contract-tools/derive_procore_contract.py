#!/usr/bin/env python3
"""Derives src/test/resources/procore-contract/procore-contract.json from a public extract of Procore's OpenAPI.

The extract is data/endpoint-details/ of https://github.com/TylerIlunga/procore-mcp-server (MIT; commit
eed7a8459e640a3a7c196cd5651ae90feee18913), a simplified per-operation copy of the OpenAPI description Procore
publishes with its REST API reference (https://developers.procore.com/reference/rest). Origin and licence: see
src/test/resources/procore-contract/README.md. Run by hand from sandboxes/procore-sandbox (the test only reads
the derived file):
    python3 src/test/contract-tools/derive_procore_contract.py \
        <procore-mcp-server checkout>/data/endpoint-details \
        src/test/resources/procore-contract/procore-contract.json

Output: per operation the path, where the names came from, and a flat map of response property names to JSON types
(nested objects as dotted names, array elements as name[].child; for list endpoints the element's own properties,
without a leading []). Objects that the extract cut off (depth limit) or left without properties are listed under
"open": their children cannot be checked. Nothing else (descriptions, enums, examples) is carried over.
"""
import json
import sys
from pathlib import Path

# Where the extract has an empty response schema (its simplifier dropped $ref/oneOf), the closest schema of the
# same resource in the extract is used instead; each substitute is named in the fixture's "from" list.
# (operationId, method, path) -> list of (source operationId, "response:<code>" | "body", prefix to strip)
OPERATIONS = {
    "OauthTokenPost": ("POST", "/oauth/token", [("OauthTokenPost", "response:200", "")]),
    "OauthTokenInfoGet": ("GET", "/oauth/token/info", [("OauthTokenInfoGet", "response:200", "")]),
    "RestV10CompaniesGet": ("GET", "/rest/v1.0/companies", []),
    "RestV11ProjectsGet": ("GET", "/rest/v1.1/projects", []),
    "RestV10VendorsGet": ("GET", "/rest/v1.0/vendors", [
        ("RestV10ProjectsProjectIdVendorsInactiveIdPatch", "response:200", ""),
        ("RestV10VendorsPost", "body", "vendor.")]),
    "RestV10VendorsIdGet": ("GET", "/rest/v1.0/vendors/{id}", [
        ("RestV10ProjectsProjectIdVendorsInactiveIdPatch", "response:200", ""),
        ("RestV10VendorsPost", "body", "vendor.")]),
    "RestV10CompaniesCompanyIdVendorsInactiveGet": ("GET", "/rest/v1.0/companies/{company_id}/vendors/inactive", [
        ("RestV10ProjectsProjectIdVendorsInactiveIdPatch", "response:200", ""),
        ("RestV10VendorsPost", "body", "vendor.")]),
    "RestV10VendorsSyncPatch": ("PATCH", "/rest/v1.0/vendors/sync", [("RestV10VendorsSyncPatch", "response:200", "")]),
    "RestV10LineItemTypesGet": ("GET", "/rest/v1.0/line_item_types", [("RestV10LineItemTypesGet", "response:200", "")]),
    "RestV10CostCodesGet": ("GET", "/rest/v1.0/cost_codes", [("RestV10CostCodesIdGet", "response:200", "")]),
    "RestV11RequisitionsGet": ("GET", "/rest/v1.1/requisitions", [("RestV11RequisitionsGet", "response:200", "")]),
    "RestV11RequisitionsIdGet": ("GET", "/rest/v1.1/requisitions/{id}", [("RestV11RequisitionsIdGet", "response:200", "")]),
    "RestV11ProjectsProjectIdDirectCostsGet": ("GET", "/rest/v1.1/projects/{project_id}/direct_costs", [
        ("RestV11ProjectsProjectIdDirectCostsGet", "response:200", "")]),
    "RestV11ProjectsProjectIdDirectCostsIdGet": ("GET", "/rest/v1.1/projects/{project_id}/direct_costs/{id}", [
        ("RestV11ProjectsProjectIdDirectCostsIdGet", "response:200", "")]),
    "RestV10ProjectsProjectIdDirectCostsLineItemsGet": ("GET", "/rest/v1.0/projects/{project_id}/direct_costs/line_items", [
        ("RestV10ProjectsProjectIdDirectCostsLineItemsGet", "response:200", "")]),
    "RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsGet": (
        "GET", "/rest/v1.0/projects/{project_id}/direct_costs/{direct_cost_id}/line_items", [
            ("RestV10ProjectsProjectIdDirectCostsDirectCostIdLineItemsGet", "response:200", "")]),
    "RestV10WorkOrderContractsGet": ("GET", "/rest/v1.0/work_order_contracts", [
        ("RestV10WorkOrderContractsIdGet", "response:200", "")]),
    "RestV10WorkOrderContractsIdGet": ("GET", "/rest/v1.0/work_order_contracts/{id}", [
        ("RestV10WorkOrderContractsIdGet", "response:200", "")]),
    "RestV10WorkOrderContractsWorkOrderContractIdLineItemsGet": (
        "GET", "/rest/v1.0/work_order_contracts/{work_order_contract_id}/line_items", [
            ("RestV10WorkOrderContractsWorkOrderContractIdLineItemsPost", "response:201", "")]),
    "RestV10PurchaseOrderContractsGet": ("GET", "/rest/v1.0/purchase_order_contracts", [
        ("RestV10PurchaseOrderContractsGet", "response:200", "")]),
    "RestV10PurchaseOrderContractsIdGet": ("GET", "/rest/v1.0/purchase_order_contracts/{id}", [
        ("RestV10PurchaseOrderContractsIdGet", "response:200", "")]),
    "RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsGet": (
        "GET", "/rest/v1.0/purchase_order_contracts/{purchase_order_contract_id}/line_items", [
            ("RestV10PurchaseOrderContractsPurchaseOrderContractIdLineItemsPost", "response:201", "")]),
    "RestV10ProjectsProjectIdCommitmentChangeOrdersGet": (
        "GET", "/rest/v1.0/projects/{project_id}/commitment_change_orders", [
            ("RestV10ProjectsProjectIdCommitmentChangeOrdersPost", "body", "change_order.")]),
    "RestV10ProjectsProjectIdCommitmentChangeOrdersIdGet": (
        "GET", "/rest/v1.0/projects/{project_id}/commitment_change_orders/{id}", [
            ("RestV10ProjectsProjectIdCommitmentChangeOrdersPost", "body", "change_order.")]),
    "RestV10ProjectsProjectIdPrimeChangeOrdersGet": (
        "GET", "/rest/v1.0/projects/{project_id}/prime_change_orders", [
            ("RestV10ProjectsProjectIdPrimeChangeOrdersPost", "body", "change_order.")]),
    "RestV10ProjectsProjectIdPrimeChangeOrdersIdGet": (
        "GET", "/rest/v1.0/projects/{project_id}/prime_change_orders/{id}", [
            ("RestV10ProjectsProjectIdPrimeChangeOrdersPost", "body", "change_order.")]),
    "RestV20CompaniesCompanyIdProjectsProjectIdCommitmentChangeOrdersCommitmentChangeOrderIdLineItemsGet": (
        "GET", "/rest/v2.0/companies/{company_id}/projects/{project_id}/commitment_change_orders/"
               "{commitment_change_order_id}/line_items", [
            ("RestV20CompaniesCompanyIdProjectsProjectIdCommitmentChangeOrdersCommitmentChangeOrderIdLineItemsGet",
             "response:200", "")]),
    "RestV20CompaniesCompanyIdProjectsProjectIdPrimeChangeOrdersPrimeChangeOrderIdLineItemsGet": (
        "GET", "/rest/v2.0/companies/{company_id}/projects/{project_id}/prime_change_orders/"
               "{prime_change_order_id}/line_items", [
            ("RestV20CompaniesCompanyIdProjectsProjectIdPrimeChangeOrdersPrimeChangeOrderIdLineItemsGet",
             "response:200", "")]),
}


CUT_OFF = "(nested object)"


def flatten(schema, prefix, fields, open_objects):
    """Walks properties; arrays add [] to the name; objects without properties are 'open'."""
    for name, prop in (schema.get("properties") or {}).items():
        dotted = prefix + name
        kind = prop.get("type", "any")
        if prop.get("description") == CUT_OFF or not prop:
            # the extract cut the schema off here (or dropped a $ref): the name is known, its type and children not
            kind = "any"
        fields[dotted] = kind
        if kind in ("object", "any"):
            if prop.get("properties"):
                flatten(prop, dotted + ".", fields, open_objects)
            else:
                open_objects.add(dotted)
        elif kind == "array":
            items = prop.get("items") or {}
            if items.get("type") == "object" or items.get("properties"):
                if items.get("properties"):
                    flatten(items, dotted + "[].", fields, open_objects)
                else:
                    open_objects.add(dotted + "[]")


def derive(details, source, where, strip):
    doc = json.loads((details / f"{source}.json").read_text())
    if where == "body":
        schema = (doc.get("requestBody") or {}).get("schema") or {}
    else:
        schema = (doc["responses"].get(where.split(":")[1]) or {}).get("schema") or {}
    is_list = schema.get("type") == "array"
    root = schema.get("items") or {} if is_list else schema
    fields, open_objects = {}, set()
    flatten(root, "", fields, open_objects)
    if is_list and not root.get("properties"):
        open_objects.add("")
    if strip:
        fields = {k[len(strip):]: v for k, v in fields.items() if k.startswith(strip)}
        open_objects = {o[len(strip):] for o in open_objects if o.startswith(strip)}
    return fields, open_objects


def main(details_dir, out_file):
    details = Path(details_dir)
    operations = {}
    for op, (method, path, sources) in OPERATIONS.items():
        fields, open_objects = {}, set()
        for source, where, strip in sources:
            f, o = derive(details, source, where, strip)
            for k, v in f.items():
                # a union of substitutes: keep the first type, note a conflict as "any"
                fields[k] = v if fields.get(k, v) == v else "any"
            open_objects |= o
        entry = {"method": method, "path": path,
                 "from": [f"{s} {w}" + (f" ({p}*)" if p else "") for s, w, p in sources]}
        if not sources:
            entry["absent"] = "operation not in the extract (catalog.json lists it, endpoint-details has no file)"
        entry["fields"] = dict(sorted(fields.items()))
        if open_objects:
            entry["open"] = sorted(open_objects)
        operations[op] = entry
    out = {"about": "Derived list of Procore response property names and JSON types; see README.md here.",
           "operations": operations}
    Path(out_file).write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {len(operations)} operations, {sum(len(e['fields']) for e in operations.values())} fields")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
