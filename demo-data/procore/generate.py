#!/usr/bin/env python3
"""Generates the Procore demo data (Harbor Ridge Builders, Inc.) in the real API's JSON shapes.

Deterministic: same output on every run (fixed seed, fixed timestamps). Run from anywhere:
    python3 demo-data/procore/generate.py
and commit the JSON it writes next to this script. See README.md for what is in it.
"""
import json
import os
import random
import shutil
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, ROUND_HALF_UP

OUT = os.path.dirname(os.path.abspath(__file__))
CID = 5001234
COMPANY_NAME = "Harbor Ridge Builders, Inc."
rng = random.Random(20260901)
C2 = Decimal("0.01")


def money(x):
    return str(Decimal(x).quantize(C2, rounding=ROUND_HALF_UP))


def d2(x):
    return Decimal(x).quantize(C2, rounding=ROUND_HALF_UP)


def ts(day, hour=15, minute=0):
    """2026 timestamp; day = date."""
    return datetime(day.year, day.month, day.day, hour, minute, 0, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def rday(lo, hi):
    start = date.fromisoformat(lo)
    span = (date.fromisoformat(hi) - start).days
    return start + timedelta(days=rng.randint(0, span))


PROJECTS = [
    (2001001, "2024-001", "Riverside Medical Office Building", True, "Portland", "OR", "97201"),
    (2001002, "2024-002", "Westgate Elementary School Renovation", True, "Beaverton", "OR", "97005"),
    (2001003, "2025-003", "Pier 9 Mixed-Use Tower", True, "Seattle", "WA", "98121"),
    (2001004, "2025-004", "Northfield Distribution Center", True, "Tacoma", "WA", "98421"),
    (2001005, "2023-009", "Oak Street Parking Garage", False, "Vancouver", "WA", "98660"),
]

COST_TYPES = [  # id, code, name, base_type
    (3522601, "L", "Labor", "labor"),
    (3522602, "M", "Materials", "materials"),
    (3522603, "S", "Subcontract", "commitment"),
    (3522604, "E", "Equipment", "equipment"),
    (3522605, "O", "Other", "other"),
    (3522606, "P", "Professional Services", "professional_services"),
]
CT = {c[1]: c for c in COST_TYPES}

COST_CODES = [  # n, full_code, name
    (1, "01-100", "General Conditions"), (2, "02-200", "Site Work"), (3, "03-300", "Cast-in-Place Concrete"),
    (4, "04-200", "Masonry"), (5, "05-100", "Structural Steel"), (6, "07-500", "Roofing"),
    (7, "08-100", "Doors and Frames"), (8, "09-200", "Gypsum Board"), (9, "09-900", "Painting"),
    (10, "22-100", "Plumbing"), (11, "23-000", "HVAC"), (12, "26-000", "Electrical"), (13, "31-200", "Earthwork"),
    (14, "99-900", "Owner Allowance"),
]
CC = {c[1]: c for c in COST_CODES}

VENDOR_NAMES = {
    1: "Apex Concrete Inc.", 2: "Ironline Steel Erectors", 3: "Cascade Plumbing & Mechanical", 4: "Brightwire Electric",
    5: "Summit Roofing Co.", 6: "Granite State Masonry", 7: "ClearView Glass & Glazing", 8: "Precision Drywall Systems",
    9: "TrueLine Painting", 10: "Bedrock Excavation LLC", 11: "Coastal HVAC Services", 12: "Keystone Doors & Hardware",
    13: "Northstar Lumber Supply", 14: "Pacific Ready-Mix", 15: "Allied Equipment Rentals", 16: "Metro Fire Protection",
    17: "Evergreen Landscaping", 18: "Pinnacle Elevator Co.", 19: "Redline Surveying", 20: "Harbor Waste Services",
    21: "BuildSafe Scaffolding", 22: "Crestline Insulation", 23: "Atlas Flooring", 24: "Sterling Millwork",
    25: "Vanguard Waterproofing", 26: "Horizon Traffic Control", 27: "Ridgeback Paving", 28: "Blue Ocean Environmental",
    29: "Delta Demolition Co.", 30: "Summit Survey Group", 31: "Quickfix Handyman LLC", 32: "Lone Star Rebar Supply",
}
CITIES = [("Portland", "OR", "97210"), ("Seattle", "WA", "98108"), ("Tacoma", "WA", "98402"), ("Salem", "OR", "97301"),
          ("Vancouver", "WA", "98661"), ("Eugene", "OR", "97401"), ("Everett", "WA", "98201"), ("Bend", "OR", "97701")]
STREETS = ["Industrial Way", "Harbor Blvd", "Commerce St", "Foundry Rd", "Mill Ave", "Dockside Dr", "Quarry Ln", "Rainier Ave"]


def vid(i):
    return 3968000 + i


def origin(i):
    return None if i in (31, 32) else "8f3c2a10-0000-4000-a000-0000000000%02d" % i


def cc_id(pid, full_code):
    return 80000000 + (pid - 2001000) * 1000 + CC[full_code][0]


def cc_ref(pid, full_code, with_code=True):
    n, fc, name = CC[full_code]
    ref = {"id": cc_id(pid, fc), "code": fc.split("-")[1], "full_code": fc, "name": name,
           "origin_id": None, "origin_data": None}
    if not with_code:
        ref.pop("code")
        ref.pop("origin_data")
    return ref


def ct_ref(code):
    i, c, name, base = CT[code]
    return {"id": i, "name": name, "code": c, "base_type": base, "origin_id": None, "origin_data": None}


def project_ref(pid):
    return {"id": pid, "name": next(p[2] for p in PROJECTS if p[0] == pid)}


def write(rel, payload):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(payload, f, indent=2)
        f.write("\n")


def split(total, parts):
    """Splits a Decimal total into `parts` positive 2-dp amounts that sum exactly."""
    weights = [rng.randint(20, 100) for _ in range(parts)]
    s = sum(weights)
    amounts = [d2(total * w / s) for w in weights[:-1]]
    amounts.append(total - sum(amounts))
    return amounts


# ---------------------------------------------------------------- company level
def build_company():
    write("clients.json", [{"client_id": "harbor-ridge-procore", "client_secret": "procore-sandbox-secret",
                            "company_ids": [CID]}])
    write("companies.json", [{"id": CID, "name": COMPANY_NAME, "is_active": True, "logo_url": None,
                              "my_company": False}])
    base = f"companies/{CID}"
    write(f"{base}/line_item_types.json", [
        {"id": i, "name": n, "code": c, "base_type": b, "origin_id": None, "origin_data": None}
        for i, c, n, b in COST_TYPES])
    vendors = []
    for i in range(1, 33):
        if i == 30:
            continue  # Summit Survey Group exists in BC only; vendor-sync creates it in Procore
        city, state, zipc = CITIES[i % len(CITIES)]
        created = date(2026, 9, 1) + timedelta(days=i % 7)
        name = VENDOR_NAMES[i]
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:18]
        vendors.append({
            "id": vid(i), "name": name, "abbreviated_name": name.split()[0][:10], "trade_name": None,
            "address": f"{100 + i * 17} {STREETS[i % len(STREETS)]}", "city": city, "state_code": state, "zip": zipc,
            "country_code": "US", "business_phone": "(503) 555-%04d" % (1000 + i * 7), "mobile_phone": None,
            "fax_number": None, "email_address": f"ap@{slug}.example", "website": f"https://{slug}.example",
            "is_active": True, "license_number": None, "notes": None,
            "origin_id": origin(i), "origin_data": None,
            "origin_code": None if origin(i) is None else "V1%03d" % (i * 10),
            "synced_to_erp": origin(i) is not None, "is_connected": False,
            "company": {"id": CID, "name": COMPANY_NAME},
            "created_at": ts(created, 16), "updated_at": ts(created + timedelta(days=2), 17, i),
        })
    write(f"{base}/vendors.json", vendors)
    projects = []
    for pid, number, name, active, city, state, zipc in PROJECTS:
        start = date(2024, 3, 1) if number.startswith("2024") else date(2025, 2, 1) if number.startswith("2025") else date(2023, 5, 1)
        projects.append({
            "id": pid, "name": name, "display_name": f"{number} - {name}", "project_number": number,
            "active": active, "company": {"id": CID, "name": COMPANY_NAME},
            "origin_id": None, "origin_data": None, "origin_code": None, "accounting_project_number": number,
            "standard_cost_code_list_id": 611001, "time_zone": "US/Pacific",
            "address": f"{(pid % 1000) * 120} Main St", "city": city, "state_code": state, "zip": zipc,
            "country_code": "US", "start_date": start.isoformat(),
            "completion_date": (start + timedelta(days=820)).isoformat(),
            "total_value": None,
            "created_at": ts(date(2026, 9, 1), 14, pid % 60),
            "updated_at": ts(date(2026, 9, 2) if active else date(2026, 10, 15), 9, pid % 60),
        })
    write(f"{base}/projects.json", projects)


# ---------------------------------------------------------------- per project plans
# subcontracts: (vendor i, title, [(cost code, description)], total, status, retainage %)
SUBS = {
    2001001: [
        (10, "Site Excavation & Grading", [("31-200", "Mass excavation"), ("02-200", "Fine grading and base")], 186400, "Approved", 10),
        (1, "Concrete Foundations & Slabs", [("03-300", "Footings and foundation walls"), ("03-300", "Slab on grade"), ("03-300", "Elevated decks")], 642750, "Approved", 10),
        (2, "Structural Steel Erection", [("05-100", "Steel frame erection"), ("05-100", "Metal deck"), ("05-100", "Misc. metals")], 498200, "Approved", 5),
        (4, "Electrical", [("26-000", "Rough-in"), ("26-000", "Switchgear and distribution"), ("26-000", "Lighting and trim")], 412300, "Approved", 10),
        (11, "HVAC", [("23-000", "Ductwork"), ("23-000", "Rooftop units"), ("23-000", "Controls")], 388900, "Draft", 10),
    ],
    2001002: [
        (6, "Masonry Repairs & New CMU", [("04-200", "CMU walls - new gym"), ("04-200", "Brick repointing")], 154800, "Approved", 10),
        (8, "Drywall & Framing", [("09-200", "Metal stud framing"), ("09-200", "Gypsum board and taping")], 121500, "Approved", 10),
        (31, "Punch List Painting", [("09-900", "Touch-up painting, classrooms")], 18650, "Approved", 10),
        (3, "Plumbing Upgrades", [("22-100", "Restroom fixtures"), ("22-100", "Domestic water piping")], 96700, "Approved", 10),
    ],
    2001003: [
        (1, "Podium Concrete", [("03-300", "Mat foundation"), ("03-300", "Podium slab"), ("03-300", "Shear walls"), ("03-300", "Post-tension tendons")], 1284600, "Approved", 10),
        (2, "Tower Structural Steel", [("05-100", "Tower steel erection"), ("05-100", "Moment connections")], 986300, "Approved", 10),
        (5, "Roofing", [("07-500", "TPO roofing"), ("07-500", "Flashing and sheet metal")], 212450, "Approved", 5),
        (12, "Doors, Frames & Hardware", [("08-100", "Hollow metal frames"), ("08-100", "Wood doors"), ("08-100", "Finish hardware")], 176200, "Approved", 10),
        (9, "Painting", [("09-900", "Interior painting"), ("09-900", "Exterior coatings")], 143900, "Approved", 10),
        (3, "Plumbing", [("22-100", "Underground plumbing"), ("22-100", "Risers and branches"), ("22-100", "Fixtures")], 534800, "Approved", 10),
    ],
    2001004: [
        (10, "Earthwork & Site Prep", [("31-200", "Cut and fill"), ("02-200", "Aggregate base"), ("31-200", "Erosion control")], 402600, "Approved", 10),
        (29, "Selective Demolition", [("02-200", "Existing slab demolition"), ("02-200", "Haul-off")], 64300, "Approved", 10),
        (1, "Tilt-Up Concrete Panels", [("03-300", "Tilt-up panels"), ("03-300", "Slab on grade 8in")], 1118900, "Approved", 10),
        (4, "Electrical", [("26-000", "Service and distribution"), ("26-000", "High-bay lighting")], 356400, "Approved", 10),
    ],
    2001005: [
        (1, "Post-Tension Deck Repairs", [("03-300", "Deck spall repairs"), ("03-300", "Tendon replacement")], 228400, "Approved", 10),
        (4, "Garage Lighting Retrofit", [("26-000", "LED fixtures"), ("26-000", "Controls")], 87600, "Approved", 10),
    ],
}
# purchase orders (materials, cost type M): (vendor i, title, lines, total, status)
POS = {
    2001001: [(14, "Ready-Mix Concrete Supply", [("03-300", "4000 psi concrete"), ("03-300", "Pump and delivery")], 96400, "Approved"),
              (13, "Lumber & Blocking", [("01-100", "Temporary protection lumber"), ("09-200", "Wood blocking")], 21750, "Submitted")],
    2001002: [(13, "Framing Lumber", [("09-200", "Studs and plates"), ("01-100", "Temporary barricades")], 18400, "Approved")],
    2001003: [(32, "Rebar Supply - Podium", [("03-300", "#5 and #6 rebar"), ("05-100", "Embeds and anchor bolts")], 173200, "Approved"),
              (14, "Ready-Mix Concrete - Tower", [("03-300", "5000 psi concrete")], 248500, "Approved")],
    2001004: [(14, "Ready-Mix for Tilt-Up", [("03-300", "Panel concrete"), ("03-300", "Slab concrete")], 211300, "Approved")],
    2001005: [],
}


def p_index(pid):
    return pid - 2001000


def build_commitments(pid):
    pi = p_index(pid)
    wocs, pocs = [], []
    for k, (vi, title, lines, total, status, ret) in enumerate(SUBS[pid], start=1):
        wocs.append(contract(pid, 7100000 + pi * 100 + k, "SC-%03d" % k, vi, title, lines, Decimal(total), status, ret, "S", "WorkOrderContract"))
    for k, (vi, title, lines, total, status) in enumerate(POS[pid], start=1):
        pocs.append(contract(pid, 7200000 + pi * 100 + k, "PO-%03d" % k, vi, title, lines, Decimal(total), status, 0, "M", "PurchaseOrderContract"))
    return wocs, pocs


def contract(pid, cid_, number, vi, title, lines, total, status, ret, ct, holder_type):
    created = rday("2026-09-01", "2026-09-20")
    amounts = split(total, len(lines))
    items = []
    for j, ((code, desc), amt) in enumerate(zip(lines, amounts), start=1):
        items.append({
            "id": cid_ * 10 + j, "description": desc, "amount": money(amt),
            "quantity": 1.0, "unit_cost": float(amt), "uom": "ls", "total_amount": float(amt),
            "extended_amount": float(amt), "extended_type": "manual", "position": j,
            "cost_code": cc_ref(pid, code), "line_item_type": ct_ref(ct), "wbs_code": None, "tax_code_id": None,
            "origin_id": None, "origin_data": None, "holder": {"id": cid_, "holder_type": holder_type},
            "company": {"id": CID, "name": COMPANY_NAME}, "project": project_ref(pid),
            "created_at": ts(created, 16, j), "updated_at": ts(created, 16, j),
        })
    c = {
        "id": cid_, "number": number, "title": title, "status": status, "executed": status == "Approved",
        "vendor": {"id": vid(vi), "company": VENDOR_NAMES[vi], "origin_id": origin(vi), "origin_data": None},
        "project": project_ref(pid), "description": title,
        "origin_id": None, "origin_data": None, "origin_code": None, "accounting_method": "amount",
        "grand_total": money(total), "revised_contract": money(total), "approved_change_orders": "0.00",
        "pending_change_orders": "0.00", "draft_change_orders_amount": "0.00", "total_payments": "0.00",
        "total_requisitions_amount": "0.00", "remaining_balance_outstanding": money(total),
        "retainage_percent": money(ret), "contract_date": created.isoformat(),
        "execution_date": (created + timedelta(days=3)).isoformat() if status == "Approved" else None,
        "private": False, "requisitions_are_enabled": holder_type == "WorkOrderContract",
        "currency_configuration": {"currency_iso_code": "USD"},
        "created_at": ts(created, 16), "updated_at": ts(created + timedelta(days=4), 18),
        "deleted_at": None, "line_items": items,
    }
    if holder_type == "PurchaseOrderContract":
        c.update({"ship_to_address": next(f"{(pid % 1000) * 120} Main St" for p in PROJECTS if p[0] == pid),
                  "bill_to_address": "1800 Harbor Ridge Pkwy, Portland, OR 97209",
                  "delivery_date": (created + timedelta(days=21)).isoformat(), "payment_terms": "Net 30",
                  "billing_schedule_of_values_status": "approved"})
    return c


# requisitions: (sub index, [(number, status, fraction this period, materials fraction)])
REQS = {
    2001001: [(1, [(1, "approved", "0.35", "0")]), (2, [(1, "approved", "0.25", "0.10"), (2, "approved", "0.30", "0")]),
              (3, [(1, "under_review", "0.20", "0")])],
    2001002: [(1, [(1, "approved", "0.40", "0")]), (3, [(1, "approved", "1.00", "0")]), (2, [(1, "draft", "0.15", "0")])],
    2001003: [(1, [(1, "approved", "0.18", "0.05")]), (2, [(1, "approved", "0.22", "0")]), (6, [(1, "approved", "0.12", "0")])],
    2001004: [(1, [(1, "approved", "0.55", "0")]), (2, [(1, "approved", "0.70", "0")])],
    2001005: [(1, [(1, "approved", "0.60", "0")])],
}


def build_requisitions(pid, wocs):
    pi = p_index(pid)
    out = []
    seq = 0
    for sub_k, apps in REQS[pid]:
        woc = wocs[sub_k - 1]
        ret = Decimal(woc["retainage_percent"]) / 100
        previous = {li["id"]: Decimal("0") for li in woc["line_items"]}
        prev_ret = Decimal("0")
        prev_paid = Decimal("0")
        prev_id = None
        for number, status, frac, mat in apps:
            seq += 1
            rid = 7300000 + pi * 100 + seq
            period_end = date(2026, 9, 30) + timedelta(days=31 * (number - 1))
            if number == 1 and pid in (2001003, 2001004):
                period_end = date(2026, 10, 31)
            billing = period_end + timedelta(days=5)
            items = []
            tot_work = tot_mat = tot_ret = Decimal("0")
            for j, li in enumerate(woc["line_items"], start=1):
                sv = Decimal(li["amount"])
                work = min(d2(sv * Decimal(frac)), sv - previous[li["id"]])
                stored = d2(sv * Decimal(mat))
                if previous[li["id"]] + work + stored > sv:
                    stored = sv - previous[li["id"]] - work
                wret = d2(work * ret)
                mret = d2(stored * ret)
                to_date = previous[li["id"]] + work + stored
                items.append({
                    "id": rid * 10 + j, "item_type": "contract_item", "accounting_method": "amount",
                    "cost_code_id": li["cost_code"]["id"], "line_item_id": li["id"],
                    "description_of_work": li["description"], "wbs_code": None,
                    "scheduled_value": money(sv),
                    "work_completed_from_previous_application": money(previous[li["id"]]),
                    "work_completed_this_period": money(work),
                    "materials_presently_stored": money(stored),
                    "materials_presently_stored_from_previous_progress": "0.00",
                    "total_completed_and_stored_to_date": money(to_date),
                    "total_completed_and_stored_to_date_percent": money(to_date * 100 / sv),
                    "work_completed_retainage_from_previous_application": money(d2(previous[li["id"]] * ret)),
                    "work_completed_retainage_retained_this_period": money(wret),
                    "work_completed_retainage_percent_this_period": money(ret * 100),
                    "work_completed_retainage_released_this_period": "0.00",
                    "materials_stored_retainage_currently_retained": money(mret),
                    "materials_stored_retainage_percent_this_period": money(ret * 100),
                    "materials_stored_retainage_released_this_period": "0.00",
                    "gross_amount": money(work + stored), "net_amount": money(work + stored - wret - mret),
                    "comment": None, "status": "approved" if status == "approved" else "pending",
                    "position": j, "line_number": str(j),
                })
                previous[li["id"]] += work + stored
                tot_work += work
                tot_mat += stored
                tot_ret += wret + mret
            gross = tot_work + tot_mat
            to_date_total = sum(previous.values())
            contract_sum = Decimal(woc["grand_total"])
            submitted = billing - timedelta(days=2)
            updated = billing + timedelta(days=3 if status == "approved" else 0)
            vi_origin = woc["vendor"]["origin_id"]
            out.append({
                "id": rid, "number": number, "invoice_number": "%s-%04d" % (woc["vendor"]["company"].split()[0][:4].upper(), 1000 + rid % 1000),
                "project_id": pid, "commitment_id": woc["id"], "commitment_type": "WorkOrderContract",
                "contract_name": woc["title"], "vendor_id": woc["vendor"]["id"], "vendor_name": woc["vendor"]["company"],
                "status": status, "erp_status": "not_synced", "period_id": 640000 + period_end.month,
                "billing_date": billing.isoformat(), "requisition_start": period_end.replace(day=1).isoformat(),
                "requisition_end": period_end.isoformat(), "payment_date": None, "submitted_at": ts(submitted, 20),
                "final": False, "deletable": status == "draft",
                "percent_complete": money(to_date_total * 100 / contract_sum),
                "total_claimed_amount": money(gross), "origin_id": None, "origin_data": None,
                "previous_requisition_id": prev_id, "invoice_type": "progress",
                "currency_configuration": {"currency_iso_code": "USD", "currency_exchange_rate": 1.0, "base_currency_iso_code": "USD"},
                "summary": {
                    "original_contract_sum": money(contract_sum), "net_change_by_change_orders": "0.00",
                    "contract_sum_to_date": money(contract_sum),
                    "total_completed_and_stored_to_date": money(to_date_total),
                    "completed_work_retainage_percent": money(ret * 100),
                    "completed_work_retainage_amount": money(prev_ret + sum(Decimal(i["work_completed_retainage_retained_this_period"]) for i in items)),
                    "stored_materials_retainage_percent": money(ret * 100),
                    "stored_materials_retainage_amount": money(sum(Decimal(i["materials_stored_retainage_currently_retained"]) for i in items)),
                    "total_retainage": money(prev_ret + tot_ret),
                    "total_earned_less_retainage": money(to_date_total - prev_ret - tot_ret),
                    "less_previous_certificates_for_payment": money(prev_paid),
                    "current_payment_due": money(gross - tot_ret),
                    "balance_to_finish_including_retainage": money(contract_sum - to_date_total + prev_ret + tot_ret),
                },
                "created_at": ts(submitted, 18), "updated_at": ts(updated, 21),
                "items": items,
            })
            prev_ret += tot_ret
            prev_paid += gross - tot_ret
            prev_id = rid
            woc["total_requisitions_amount"] = money(Decimal(woc["total_requisitions_amount"]) + gross)
    return out


EMPLOYEES = [(7701, "Maria Delgado"), (7702, "James O'Connor"), (7703, "Priya Natarajan"), (7704, "Tom Becker"), (7705, "Ana Souza")]


def build_direct_costs(pid):
    pi = p_index(pid)
    seq = [0]
    out = []

    def dc(kind, status, vi, lines, day, invoice=None, employee=None, deleted=False, description=None):
        seq[0] += 1
        did = 7400000 + pi * 100 + seq[0]
        items = []
        total = Decimal("0")
        for j, (code, ct, desc, amt) in enumerate(lines, start=1):
            amt = Decimal(amt)
            total += amt
            items.append({
                "id": did * 10 + j, "description": desc, "amount": money(amt),
                "quantity": "1.0", "unit_cost": money(amt), "uom": "ls", "total_amount": money(amt),
                "extended_amount": money(amt), "extended_type": "manual", "position": j,
                "cost_code": cc_ref(pid, code, with_code=False), "line_item_type": ct_ref(ct), "wbs_code": None,
                "tax_code_id": None, "origin_id": None, "origin_data": None, "company": {"id": CID, "name": COMPANY_NAME},
                "currency_configuration": {"currency_iso_code": "USD"},
                "created_at": ts(day, 17, j), "updated_at": ts(day + timedelta(days=1), 17, j),
            })
        updated = day + timedelta(days=1 if status != "approved" else 4)
        out.append({
            "id": did, "direct_cost_type": kind, "status": status, "invoice_number": invoice,
            "direct_cost_date": day.isoformat(), "received_date": day.isoformat() if kind == "invoice" else None,
            "payment_date": None, "terms": "Net 30" if kind == "invoice" else None,
            "description": description or lines[0][2], "grand_total": money(total), "amount": money(total),
            "vendor": {"id": vid(vi), "name": VENDOR_NAMES[vi]} if vi else None,
            "vendor_id": vid(vi) if vi else None, "vendor_name": VENDOR_NAMES[vi] if vi else None,
            "employee": {"id": employee[0], "name": employee[1]} if employee else None,
            "origin_id": None, "origin_data": None, "company": {"id": CID, "name": COMPANY_NAME},
            "project": project_ref(pid), "currency_configuration": {"currency_iso_code": "USD", "currency_exchange_rate": "1.0", "base_currency_iso_code": "USD"},
            "attachments": [], "attachments_count": 0, "line_items_count": len(items),
            "created_at": ts(day, 16), "updated_at": ts(updated, 19),
            "deleted_at": ts(day + timedelta(days=8), 10) if deleted else None,
            "line_items": items,
        })

    emp = EMPLOYEES[pi - 1]
    if pid == 2001001:
        dc("invoice", "approved", 15, [("01-100", "E", "Boom lift rental - September", "4850.00"), ("31-200", "E", "Excavator rental 2 weeks", "7320.00")], date(2026, 9, 18), "AER-55812")
        dc("invoice", "approved", 20, [("01-100", "O", "Dumpster service - September", "1925.40")], date(2026, 9, 30), "HWS-20931")
        dc("invoice", "approved", 19, [("02-200", "P", "Construction staking", "3600.00"), ("99-900", "P", "Owner-requested boundary survey", "2150.00")], date(2026, 10, 9), "RLS-1184",
           description="Survey services incl. owner-requested boundary survey")  # 99-900 line: parks (unmapped cost code)
        dc("expense", "approved", 13, [("01-100", "M", "Jobsite consumables", "612.35")], date(2026, 10, 14), "R-10014")
        dc("payroll", "approved", None, [("01-100", "L", "Superintendent wages wk 41", "3840.00"), ("01-100", "L", "Laborer wages wk 41", "2712.50")], date(2026, 10, 16), None, emp)
        dc("invoice", "pending", 21, [("01-100", "E", "Scaffolding rental - October", "5480.00")], date(2026, 11, 3), "BSS-7731")
    elif pid == 2001002:
        dc("invoice", "approved", 13, [("04-200", "M", "Mortar and masonry accessories", "2318.60"), ("09-200", "M", "Drywall screws and tape", "486.20")], date(2026, 9, 25), "NLS-44120",
           description="Masonry and drywall materials")  # 04-200 x M -> blocked account 5190: parks
        dc("invoice", "approved", 20, [("01-100", "O", "Roll-off containers", "1340.00")], date(2026, 10, 6), "HWS-21077")
        dc("expense", "approved", None, [("01-100", "O", "Permit fees - City of Beaverton", "875.00")], date(2026, 10, 12), "PRM-2026-0915")
        dc("payroll", "approved", None, [("01-100", "L", "Project engineer wages wk 42", "2980.00")], date(2026, 10, 23), None, emp)
    elif pid == 2001003:
        dc("invoice", "approved", 32, [("03-300", "M", "Rebar accessories and chairs", "3912.75")], date(2026, 10, 2), "LSR-90311")  # vendor 32 has no origin_id: parks
        dc("invoice", "approved", 26, [("01-100", "O", "Traffic control - lane closure", "6240.00")], date(2026, 10, 10), "HTC-3302")
        dc("invoice", "approved", 15, [("05-100", "E", "Tower crane monthly rental", "28500.00"), ("05-100", "E", "Crane operator overtime", "3120.00")], date(2026, 10, 28), "AER-56190")
        dc("expense", "approved", None, [("01-100", "O", "Safety training meals", "418.90")], date(2026, 11, 5), "R-11005")
        dc("payroll", "approved", None, [("01-100", "L", "Superintendent wages wk 44", "4120.00"), ("03-300", "L", "Concrete finishers self-perform", "6380.00")], date(2026, 11, 6), None, emp)
    elif pid == 2001004:
        dc("invoice", "approved", 27, [("02-200", "S", "Temporary access road paving", "14850.00")], date(2026, 9, 22), "RBP-2207")
        dc("invoice", "approved", 28, [("02-200", "P", "Phase I environmental sampling", "7400.00")], date(2026, 10, 1), "BOE-1931")
        dc("expense", "approved", None, [("01-100", "M", "Small tools", "1264.18")], date(2026, 10, 19), "R-10019")
        dc("payroll", "approved", None, [("01-100", "L", "Field engineer wages wk 43", "2860.00")], date(2026, 10, 30), None, emp)
        dc("invoice", "approved", 20, [("01-100", "O", "Duplicate dumpster invoice (voided)", "1340.00")], date(2026, 10, 7), "HWS-21077-D", deleted=True)
    elif pid == 2001005:
        dc("invoice", "approved", 15, [("03-300", "E", "Shoring rental", "9350.00")], date(2026, 9, 15), "AER-55790")
        dc("payroll", "approved", None, [("01-100", "L", "Closeout wages wk 38", "1960.00")], date(2026, 9, 18), None, emp)
    return out


# commitment COs: (sub index, [(line j, description, amount) | (None, description, amount, cost code, cost type)],
# status, title). A line with None changes no schedule-of-values line: its cost code and type are only in its wbs_code.
CCOS = {
    2001001: [(2, [(1, "Additional footing at grid C-4", "18450.00"), (2, "Thickened slab at MRI room", "9320.00")], "approved", "Unforeseen soil conditions"),
              (4, [(3, "Additional exam room lighting", "12680.00")], "pending", "Owner-requested lighting changes")],
    2001002: [(2, [(2, "Reduce gypsum board scope - corridor B", "-7250.00")], "approved", "Scope reduction corridor B")],
    2001003: [(1, [(3, "Added shear wall at level 2", "42600.00"),
                   (None, "Roof membrane tie-in at new shear wall", "6150.00", "07-500", "M")],
               "approved", "Structural RFI 114 response"),
              (5, [(1, "Accent wall colors", "3880.00")], "approved", "Finish upgrade")],
    2001004: [(1, [(1, "Additional haul-off of unsuitable soils", "22340.00")], "approved", "Unsuitable soils")],
    2001005: [(1, [(1, "Additional spall repairs level P2", "14200.00")], "approved", "Additional spall repairs")],
}
PCOS = {
    2001001: [([("01-100", "S", "Owner-requested MRI shielding coordination", "48500.00")], "approved", "Owner change directive 01"),
              ([("26-000", "S", "Added EV charging stations", "36200.00")], "pending", "Owner change request 02")],
    2001002: [([("09-200", "S", "Scope reduction corridor B credit", "-8500.00")], "approved", "Owner credit 01")],
    2001003: [([("03-300", "S", "Structural revisions per RFI 114", "51800.00"),
                ("07-500", "S", "Roof membrane tie-in at added shear wall", "6900.00")], "approved", "Owner change directive 01")],
    2001004: [([("31-200", "S", "Unsuitable soils remediation", "27400.00")], "approved", "Owner change directive 01"),
              ([("02-200", "S", "Additional truck court paving", "64000.00")], "pending", "Owner change request 02")],
    2001005: [([("03-300", "S", "Additional spall repairs P2", "17300.00")], "approved", "Owner change directive 01")],
}


def build_change_orders(pid, wocs):
    pi = p_index(pid)
    ccos, pcos = [], []
    for k, (sub_k, lines, status, title) in enumerate(CCOS[pid], start=1):
        woc = wocs[sub_k - 1]
        coid = 7500000 + pi * 100 + k
        day = rday("2026-10-01", "2026-11-15")
        v2 = []
        total = Decimal("0")
        for n, (j, desc, amt, *own) in enumerate(lines, start=1):
            total += Decimal(amt)
            if j is None:
                code, ct = own
                v2.append(v2_line(coid * 10 + n, desc, amt, n, code, ct))
                continue
            li = woc["line_items"][j - 1]
            v2.append(v2_line(coid * 10 + n, desc, amt, n, li["cost_code"]["full_code"], li["line_item_type"]["code"],
                              commitment_line=li["id"]))
        ccos.append(v1_co(coid, "%03d" % k, title, status, woc["id"], total, day, "CommitmentChangeOrder", woc["vendor"], v2))
        if status == "approved":
            woc["approved_change_orders"] = money(Decimal(woc["approved_change_orders"]) + total)
        else:
            woc["pending_change_orders"] = money(Decimal(woc["pending_change_orders"]) + total)
        woc["revised_contract"] = money(Decimal(woc["grand_total"]) + Decimal(woc["approved_change_orders"]))
        woc["remaining_balance_outstanding"] = woc["revised_contract"]
    prime_id = 7700000 + pi
    for k, (lines, status, title) in enumerate(PCOS[pid], start=1):
        coid = 7600000 + pi * 100 + k
        day = rday("2026-10-01", "2026-11-18")
        v2 = []
        total = Decimal("0")
        for n, (code, ct, desc, amt) in enumerate(lines, start=1):
            total += Decimal(amt)
            v2.append(v2_line(coid * 10 + n, desc, amt, n, code, ct, prime_line=prime_id * 100 + n))
        pcos.append(v1_co(coid, "%03d" % k, title, status, prime_id, total, day, "PrimeChangeOrder", None, v2))
    return ccos, pcos


def v2_line(lid, desc, amt, pos, code, ct, commitment_line=None, prime_line=None):
    # v2 line shape: ids as strings, decimals as strings (Procore docs: new-rest-v2-version). wbs_code.flat_code
    # joins the default WBS segments cost code and cost type with '.' (separator unconfirmed).
    return {"id": str(lid), "commitment_line_item_id": str(commitment_line) if commitment_line else None,
            "prime_line_item_id": str(prime_line) if prime_line else None, "description": desc,
            "quantity": 1, "uom": "ls", "unit_cost": money(amt), "amount": money(amt), "extended_type": "manual",
            "wbs_code_id": None, "wbs_code": {"id": None, "flat_code": f"{code}.{ct}", "description": f"{CC[code][2]}.{CT[ct][2]}"},
            "tax_code_id": None, "position": pos}


def v1_co(coid, number, title, status, contract_id, total, day, type_, vendor, v2):
    approved = status == "approved"
    return {
        "id": coid, "number": number, "title": title, "description": title, "status": status,
        "contract_id": contract_id, "batch_id": coid + 50000, "legacy_package_id": None, "legacy_request_id": None,
        "grand_total": money(total), "executed": approved, "paid": False, "private": False, "revision": 0,
        "type": type_, "due_date": (day + timedelta(days=14)).isoformat(), "invoiced_date": None,
        "reviewed_at": ts(day + timedelta(days=2), 18) if approved else None,
        "signed_change_order_received_date": (day + timedelta(days=3)).isoformat() if approved else None,
        "change_order_change_reason": {"id": 33001 if total >= 0 else 33002, "change_reason": "Client Request" if type_ == "PrimeChangeOrder" else "Existing Condition" if total >= 0 else "Scope Reduction"},
        "received_from": {"id": vendor["id"], "name": vendor["company"]} if vendor else None,
        "reviewed_by": {"id": 9100001, "name": "Dana Whitfield"} if approved else None,
        "created_at": ts(day, 15), "updated_at": ts(day + timedelta(days=2 if approved else 0), 18, 30),
        "deleted_at": None, "line_items": v2,
    }


def main():
    companies_dir = os.path.join(OUT, "companies")
    if os.path.isdir(companies_dir):
        shutil.rmtree(companies_dir)
    build_company()
    for pid, number, *_ in PROJECTS:
        base = f"companies/{CID}/projects/{pid}"
        cost_codes = [{
            "id": cc_id(pid, fc), "code": fc.split("-")[1], "full_code": fc, "name": name, "parent": {"id": None},
            "origin_id": None, "origin_data": None, "standard_cost_code_id": 612000 + n, "line_item_types": [],
            "budgeted": n != 14, "position": n, "sortable_code": fc,
            "created_at": ts(date(2026, 9, 1), 14, n), "updated_at": ts(date(2026, 9, 1), 14, n), "deleted_at": None,
        } for n, fc, name in COST_CODES]
        write(f"{base}/cost_codes.json", cost_codes)
        wocs, pocs = build_commitments(pid)
        reqs = build_requisitions(pid, wocs)
        ccos, pcos = build_change_orders(pid, wocs)
        write(f"{base}/work_order_contracts.json", wocs)
        write(f"{base}/purchase_order_contracts.json", pocs)
        write(f"{base}/requisitions.json", reqs)
        write(f"{base}/direct_costs.json", build_direct_costs(pid))
        write(f"{base}/commitment_change_orders.json", ccos)
        write(f"{base}/prime_change_orders.json", pcos)


if __name__ == "__main__":
    main()
