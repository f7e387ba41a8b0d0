#!/usr/bin/env python3
"""Helpers of scripts/bench-lookup and scripts/bench-sync (standard library only).

Subcommands (each prints what the shell script needs, errors go to stderr with exit status 1):
  freeport                                  a free TCP port on 127.0.0.1
  sandbox-products BASE CLIENT KEY OUT      every product of the sandbox (barcode, variants) through
                                            GET /products with a token of CLIENT, as JSON to OUT
  pricing BASE CLIENT KEY OUT               GET /pricing as JSON to OUT
  catalog PRODUCTS OUT N [--unknown M] [--seed S] [--front-first]
                                            a catalog CSV (barcode,name,price) of N sandbox barcodes
                                            plus M valid EAN-13 barcodes the sandbox does not have
  h2load-check OUT LOG N                    checks an h2load run (N requests, all status 200) and
                                            prints "rps p50_ms p99_ms max_ms" (latencies from LOG)
  lookup-table RESULTS                      the bench-lookup table from the results file
  sync-report --ledger … (see below)        the bench-sync summary
"""

import argparse
import csv
import http.client
import json
import random
import re
import socket
import statistics
import sys
import urllib.parse
from collections import Counter
from datetime import datetime, timezone


def fail(message):
    print(f"bench.py: {message}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------------------------------------
# Sandbox access


def freeport(_args):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        print(sock.getsockname()[1])


class Sandbox:
    """A keep-alive connection to the sandbox's Retail Digitals API with a bearer token."""

    def __init__(self, base, client, key):
        url = urllib.parse.urlsplit(base)
        self.prefix = url.path.rstrip("/")
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        status, body = self.call(
            "POST", "/auth/token", {"client_id": client, "api_key": key}, auth=False)
        if status != 200:
            fail(f"POST /auth/token for {client} answered {status}: {body[:200]!r}")
        self.token = json.loads(body)["access_token"]

    def call(self, method, path, payload=None, auth=True):
        headers = {"Accept": "application/json"}
        if auth:
            headers["Authorization"] = f"Bearer {self.token}"
        body = None
        if payload is not None:
            body = json.dumps(payload)
            headers["Content-Type"] = "application/json"
        self.conn.request(method, self.prefix + path, body=body, headers=headers)
        response = self.conn.getresponse()
        return response.status, response.read()


def sandbox_products(args):
    api = Sandbox(args.base, args.client, args.key)
    products, page = [], 1
    while True:
        status, body = api.call("GET", f"/products?per_page=500&page={page}")
        if status != 200:
            fail(f"GET /products page {page} answered {status}: {body[:200]!r}")
        answer = json.loads(body)
        products += [{"barcode": p["barcode"], "variants": p["variants"]} for p in answer["data"]]
        if page >= answer["pagination"]["total_pages"]:
            break
        page += 1
    with open(args.out, "w") as out:
        json.dump(products, out)
    print(len(products))


def pricing(args):
    api = Sandbox(args.base, args.client, args.key)
    status, body = api.call("GET", "/pricing")
    if status != 200:
        fail(f"GET /pricing answered {status}: {body[:200]!r}")
    with open(args.out, "wb") as out:
        out.write(body)


def check_digit(body):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def catalog(args):
    with open(args.products) as f:
        products = json.load(f)
    rng = random.Random(args.seed)
    known = {p["barcode"] for p in products}
    if args.count > len(products):
        fail(f"the sandbox has {len(products)} products, fewer than the {args.count} asked for")
    if args.front_first:
        with_front = [p for p in products if "front" in p["variants"]]
        others = [p for p in products if "front" not in p["variants"]]
        rng.shuffle(with_front)
        rng.shuffle(others)
        chosen = (with_front + others)[: args.count]
    else:
        chosen = rng.sample(products, args.count)
    rows = [p["barcode"] for p in chosen]
    unknown = set()
    while len(unknown) < args.unknown:
        # EAN-13 with a GS1 country prefix (590: not an in-store 20-29 code), valid check digit.
        body = "590" + "".join(rng.choice("0123456789") for _ in range(9))
        code = body + check_digit(body)
        if code not in known:
            unknown.add(code)
    rows += sorted(unknown)
    rng.shuffle(rows)
    with open(args.out, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["barcode", "name", "price"])
        for i, code in enumerate(rows):
            writer.writerow([code, f"Bench item {i + 1}", f"{1 + (i % 900) / 100:.2f}"])
    print(len(rows))


# ---------------------------------------------------------------------------------------------
# h2load


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, int(-(-fraction * len(sorted_values) // 1)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def h2load_check(args):
    text = open(args.out).read()
    finished = re.search(r"finished in [^,]+, ([0-9.]+) req/s", text)
    requests = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed", text)
    if not finished or not requests:
        fail(f"no h2load summary in {args.out}:\n{text[-1500:]}")
    statuses, latencies = Counter(), []
    with open(args.log) as log:
        for line in log:
            fields = line.split("\t")
            if len(fields) < 3:
                continue
            statuses[fields[1]] += 1
            latencies.append(int(fields[2]))
    expected = args.requests
    ok = statuses.get("200", 0)
    if int(requests.group(4)) != expected or ok != expected:
        counts = ", ".join(f"{n}× {s}" for s, n in statuses.most_common())
        fail(
            f"{args.label}: expected {expected} answers with status 200, got {ok} "
            f"(h2load: {requests.group(0)}; statuses from the log: {counts or 'none'})")
    latencies.sort()
    ms = lambda us: us / 1000.0  # noqa: E731
    print(
        f"{float(finished.group(1)):.1f} {ms(percentile(latencies, 0.50)):.3f} "
        f"{ms(percentile(latencies, 0.99)):.3f} {ms(percentile(latencies, 0.999)):.3f} {ms(latencies[-1]):.3f}")


def lookup_table(args):
    """RESULTS lines: case server repeat rps p50 p99 p99.9 max (latencies in ms)."""
    runs = {}
    order = []
    for line in open(args.results):
        case, server, _repeat, rps, p50, p99, p999, worst = line.split("\t")
        if case not in order:
            order.append(case)
        runs.setdefault((case, server), []).append(
            (float(rps), float(p50), float(p99), float(worst), float(p999)))

    def med(case, server, index):
        values = [run[index] for run in runs.get((case, server), [])]
        return statistics.median(values) if values else float("nan")

    names = {
        "json-unix": "JSON lookup, Unix socket", "json-tcp": "JSON lookup, TCP loopback",
        "image-unix": "front image, Unix socket", "image-tcp": "front image, TCP loopback",
    }
    width = 27
    head = (f"{'case':<{width}} | {'storesync req/s':>15} {'p50 ms':>7} {'p99 ms':>7} | "
            f"{'nginx req/s':>11} {'p50 ms':>7} {'p99 ms':>7} | {'ratio':>5} | target")
    print(head)
    print("-" * len(head))
    verdicts = []
    for case in order:
        if case.startswith(("rate-", "mixidle-", "mixsync-")):
            continue
        s = [med(case, "storesync", i) for i in range(3)]
        n = [med(case, "nginx", i) for i in range(3)]
        ratio = s[0] / n[0] if n[0] else float("nan")
        verdict = "PASS" if ratio >= 0.5 else "MISS"
        verdicts.append(verdict)
        print(f"{names.get(case, case):<{width}} | {s[0]:>15,.0f} {s[1]:>7.3f} {s[2]:>7.3f} | "
              f"{n[0]:>11,.0f} {n[1]:>7.3f} {n[2]:>7.3f} | {ratio:>5.2f} | ≥ 0.50× {verdict}")
    for case in order:
        if not case.startswith(("rate-", "mixidle-", "mixsync-")):
            continue
        kind, rate = case.split("-", 1)
        s = [med(case, "storesync", i) for i in range(5)]
        n = [med(case, "nginx", i) for i in range(5)]
        verdict = "PASS" if s[2] <= 1.0 else "MISS"
        verdicts.append(verdict)
        title = {
            "rate": "one barcode", "mixidle": "the store mix (distinct cached barcodes), idle",
            "mixsync": "the store mix (distinct cached barcodes) while a sync runs",
        }[kind]
        print()
        print(f"Fixed rate, JSON lookup over the Unix socket: {rate} req/s from 10 connections, {title}")
        print(f"{'server':<10} | {'achieved req/s':>14} {'p50 ms':>7} {'p99 ms':>7} {'p99.9 ms':>8} {'max ms':>7}")
        print(f"{'storesync':<10} | {s[0]:>14,.0f} {s[1]:>7.3f} {s[2]:>7.3f} {s[4]:>8.3f} {s[3]:>7.3f}   "
              f"target p99 ≤ 1 ms: {verdict}")
        print(f"{'nginx':<10} | {n[0]:>14,.0f} {n[1]:>7.3f} {n[2]:>7.3f} {n[4]:>8.3f} {n[3]:>7.3f}")
    print()
    print("Targets: JSON ≥ 0.5× nginx req/s, image ≥ 0.5× nginx req/s, p99 ≤ 1 ms at 1,000 req/s "
          f"(Unix socket). {verdicts.count('PASS')} of {len(verdicts)} met.")


# ---------------------------------------------------------------------------------------------
# bench-sync report


def parse_time(text):
    return int(datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())


def thousandths(value):
    """Credits (a JSON number or decimal string) as whole thousandths."""
    return int(round(float(value) * 1000))


def credits_text(value):
    return f"{value / 1000:,.3f}"


def sync_report(args):
    ledger = json.load(open(args.ledger))
    run = json.load(open(args.sync))
    status = json.load(open(args.status)) if args.status else {}
    products = {p["barcode"]: p["variants"] for p in json.load(open(args.products))}
    prices = json.load(open(args.pricing))["actions"]
    with open(args.catalog, newline="") as f:
        catalog_codes = [row["barcode"] for row in csv.DictReader(f)]
    rpm = args.rpm

    started, finished = parse_time(run["started_at"]), parse_time(run["finished_at"])
    elapsed = max(1, finished - started)
    entries = [e for e in ledger if e.get("client_id") == args.client]
    during = [e for e in entries if started <= parse_time(e["time"]) <= finished]
    outside = len(entries) - len(during)

    # Rate: requests that counted against the client's budgets, per fixed minute window of the
    # sandbox (aligned to :00, as its limiter), over the windows the sync covered completely.
    counted = [parse_time(e["time"]) for e in during if e.get("counted_for_rate_limit")]
    windows = Counter(t - t % 60 for t in counted)
    full = [w for w in range(started - started % 60, finished + 1, 60) if w >= started and w + 60 <= finished]
    whole_run_rate = len(counted) / (elapsed / 60) / rpm
    if full:
        per_window = [windows.get(w, 0) for w in full]
        rate_ratio = statistics.mean(per_window) / rpm
        rate_how = (f"mean of {len(full)} full minute window(s): "
                    + ", ".join(str(n) for n in per_window) + f" requests / {rpm} allowed")
    else:
        rate_ratio = None
        rate_how = ("no full minute window inside the sync, so no steady-state rate (run a sync of 3 minutes or "
                    "more); the whole-run average counts the first window's burst")

    # 429s: all of them, and those in steady state (from the first full minute window on).
    limited = [e for e in during if e["status"] == 429]
    steady_from = full[0] if full else None
    steady = [e for e in limited if steady_from is not None and parse_time(e["time"]) >= steady_from]
    steady_count = len(steady) if steady_from is not None else len(limited)

    # Credits: what the ledger debited to the client during the sync, against the minimum the
    # ground truth allows: each carried product upstream has, fetched once with the configured
    # scopes (product_meta + the front image when it has one), plus the bulk-check of the catalog
    # barcodes the (complete, first) listing cannot vouch for.
    spent = sum(thousandths(e["credits_debited"]) for e in during)
    spent_all = sum(thousandths(e["credits_debited"]) for e in entries)
    by_endpoint = Counter()
    requests_by_endpoint = Counter()
    for e in during:
        by_endpoint[e["endpoint"]] += thousandths(e["credits_debited"])
        requests_by_endpoint[e["endpoint"]] += 1
    per_scope = thousandths(prices["products.get"])
    per_image = thousandths(prices["products.get.per_image"])
    per_check = thousandths(prices["products.bulk_check.per_barcode"])
    carried = [c for c in catalog_codes if c in products]
    unknown = [c for c in catalog_codes if c not in products]
    fronts = sum(1 for c in carried if "front" in products[c])
    fetch_min = per_scope * len(carried) + per_image * fronts
    check_min = per_check * len(unknown)
    minimum = fetch_min + check_min
    check_all = per_check * len(catalog_codes)
    credit_ratio = spent / minimum if minimum else float("nan")

    rss_mib = args.vmhwm_kb / 1024
    verdict = lambda ok: "PASS" if ok else "MISS"  # noqa: E731
    checks = [
        ("requests/minute ÷ allowed", "n/a" if rate_ratio is None else f"{rate_ratio:.3f}", "≥ 0.95",
         "n/a (sync too short)" if rate_ratio is None else verdict(rate_ratio >= 0.95)),
        ("429s in steady state", f"{steady_count}", "0", verdict(steady_count == 0)),
        ("credits spent ÷ minimum", f"{credit_ratio:.3f}", "1.00", verdict(spent == minimum)),
        ("peak RSS (VmHWM)", f"{rss_mib:.1f} MiB", "≤ 50 MiB", verdict(rss_mib <= 50)),
    ]

    print(f"sync #{run['sync_id']} ({run['mode']}): {run['state']}"
          + (f" ({run['reason']})" if run.get("reason") else "")
          + f", {run['done']}/{run['total']} items done, {run['failed_items']} failed, "
          f"daemon says {run['credits_spent']} credits")
    print(f"  {run['started_at']} → {run['finished_at']}: {elapsed} s; rate limit {rpm}/minute, "
          f"upstream.scan_reserve 0 (the sync may use the whole minute budget)")
    print(f"  catalog: {len(catalog_codes)} barcodes, {len(carried)} upstream has ({fronts} with a front image), "
          f"{len(unknown)} it does not")
    cache = status.get("cache") or {}
    if cache:
        print(f"  daemon cache afterwards: {cache.get('products')} products, {cache.get('negative')} negative, "
              f"{cache.get('images')} images")
        if cache.get("products") != len(carried) or cache.get("images") != fronts:
            print(f"  WARNING: expected {len(carried)} cached products and {fronts} images")
    print(f"  ledger ({args.client}): {len(during)} requests during the sync ({len(counted)} counted for the "
          f"rate limit), {outside} outside it")
    for endpoint, count in sorted(requests_by_endpoint.items()):
        print(f"    {count:>6} × {endpoint:<32} {credits_text(by_endpoint[endpoint]):>12} credits")
    print(f"  rate: {rate_how}; whole-run average {whole_run_rate:.3f}")
    print(f"  429s: {len(limited)} during the sync, {steady_count} in steady state "
          f"({'from the first full minute window on' if steady_from is not None else 'no full window: all count'})")
    print(f"  credits: {credits_text(spent)} spent during the sync ({credits_text(spent_all)} by this client in "
          f"all); minimum {credits_text(minimum)} = fetches {credits_text(fetch_min)} "
          f"({len(carried)} × {prices['products.get']} + {fronts} × {prices['products.get.per_image']}) "
          f"+ bulk-check {credits_text(check_min)} ({len(unknown)} unlisted × "
          f"{prices['products.bulk_check.per_barcode']}); difference {credits_text(spent - minimum)}")
    print(f"           (bulk-checking all {len(catalog_codes)} catalog barcodes would make it "
          f"{credits_text(fetch_min + check_all)})")
    print(f"  peak RSS: VmHWM {args.vmhwm_kb} kB = {rss_mib:.1f} MiB ({args.vmhwm_kb * 1024 / 1e6:.1f} MB)")
    print()
    width = max(len(c[0]) for c in checks)
    print(f"{'figure':<{width}} | {'measured':>10} | {'target':>9} |")
    print("-" * (width + 30))
    for name, value, target, result in checks:
        print(f"{name:<{width}} | {value:>10} | {target:>9} | {result}")
    if run["state"] != "succeeded":
        print(f"\nWARNING: the sync ended {run['state']}; the figures cover a sync that did not finish.")


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("freeport").set_defaults(func=freeport)
    for name, func in (("sandbox-products", sandbox_products), ("pricing", pricing)):
        p = sub.add_parser(name)
        p.add_argument("base")
        p.add_argument("client")
        p.add_argument("key")
        p.add_argument("out")
        p.set_defaults(func=func)
    p = sub.add_parser("catalog")
    p.add_argument("products")
    p.add_argument("out")
    p.add_argument("count", type=int)
    p.add_argument("--unknown", type=int, default=0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--front-first", action="store_true")
    p.set_defaults(func=catalog)
    p = sub.add_parser("h2load-check")
    p.add_argument("out")
    p.add_argument("log")
    p.add_argument("requests", type=int)
    p.add_argument("--label", default="h2load")
    p.set_defaults(func=h2load_check)
    p = sub.add_parser("lookup-table")
    p.add_argument("results")
    p.set_defaults(func=lookup_table)
    p = sub.add_parser("sync-report")
    for name in ("ledger", "sync", "products", "pricing", "catalog", "client"):
        p.add_argument(f"--{name}", required=True)
    p.add_argument("--status")
    p.add_argument("--rpm", type=int, required=True)
    p.add_argument("--vmhwm-kb", type=int, required=True)
    p.set_defaults(func=sync_report)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
