#!/usr/bin/env python3
"""The abusive clients of scripts/bench-abuse, and its memory sampler and table.

Every abuse talks to one Unix socket (loopback only), is bounded by a count and a deadline, and
prints one line: what it did and what the daemon answered.
"""

import argparse
import collections
import os
import re
import resource
import selectors
import socket
import sys
import time

IMAGE = "GET /v1/products/{barcode}/images/front HTTP/1.1\r\nHost: localhost\r\n\r\n"
MALFORMED = [
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/9.9\r\nHost: localhost\r\n\r\n",
    b"GET /v1/status HTTP/1.1\r\nHost localhost\r\n\r\n",
    b"POST /v1/shelf/products HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"GET /v1/products/\x00\x01 HTTP/1.1\r\n\r\n",
    b"GET /v1/status HTTP/1.1\r\nX: " + b"a" * 90000 + b"\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(64)),
    b"GET /v1/status HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n",
]


def raise_fd_limit():
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    return s


def status_of(data):
    match = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return match.group(1).decode() if match else ("closed" if not data else "other")


def summary(counter):
    return ", ".join(f"{n}× {s}" for s, n in sorted(counter.items(), key=lambda kv: -kv[1])) or "none"


def pipelined(args):
    """One connection sends `count` image requests back to back and never reads an answer."""
    data = IMAGE.format(barcode=args.barcode).encode() * args.count
    view, sent, closed = memoryview(data), 0, False
    deadline = time.monotonic() + args.seconds
    s = connect(args.socket)
    s.setblocking(False)
    selector = selectors.DefaultSelector()
    selector.register(s, selectors.EVENT_WRITE)
    while sent < len(data) and time.monotonic() < deadline:
        try:
            sent += s.send(view[sent:sent + (1 << 20)])
        except BlockingIOError:
            selector.select(timeout=0.2)
        except OSError:
            closed = True
            break
    selector.unregister(s)
    # Hold it open, unread, until the window ends (or the daemon hangs up).
    selector.register(s, selectors.EVENT_READ)
    while not closed and time.monotonic() < deadline:
        if selector.select(timeout=0.2):
            try:
                closed = s.recv(1, socket.MSG_PEEK) == b""
            except OSError:
                closed = True
            if not closed:
                time.sleep(0.2)  # answers wait unread; only a hang-up ends this early
    s.close()
    print(f"sent {sent // len(IMAGE.format(barcode=args.barcode))} of {args.count} requests, never read; "
          f"{'closed by the daemon' if closed else 'still open at the end'}")


def slowloris(args):
    """`count` connections each send a request head one header line a second, never finishing it;
    a connection the daemon closes is opened again."""
    raise_fd_limit()
    deadline = time.monotonic() + args.seconds
    selector = selectors.DefaultSelector()
    answers, opened = collections.Counter(), 0

    def open_one():
        nonlocal opened
        s = connect(args.socket)
        s.setblocking(False)
        s.send(b"GET /v1/status HTTP/1.1\r\nHost: localhost\r\n")
        selector.register(s, selectors.EVENT_READ, data=[time.monotonic() + 1.0, b""])
        opened += 1

    for _ in range(args.count):
        open_one()
    while time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.05):
            s = key.fileobj
            try:
                chunk = s.recv(65536)
            except OSError:
                chunk = b""
            key.data[1] += chunk
            if not chunk:
                answers[status_of(key.data[1])] += 1
                selector.unregister(s)
                s.close()
                if time.monotonic() < deadline:
                    open_one()
        now = time.monotonic()
        for key in list(selector.get_map().values()):
            if key.data[0] <= now:
                key.data[0] = now + 1.0
                try:
                    key.fileobj.send(b"X-Slow: 1\r\n")
                except OSError:
                    pass
    for key in list(selector.get_map().values()):
        key.fileobj.close()
    print(f"{args.count} held open ({opened} opened in all); closed by the daemon: {summary(answers)}")


def slow_posts(args):
    """`count` connections each POST a `size`-byte body in 64 KiB pieces spread over `spread` s."""
    deadline = time.monotonic() + args.seconds
    piece = 64 << 10
    body = (b'{"products": [' + b" " * (args.size - 16) + b"]}")[: args.size]
    interval = args.spread / (args.size / piece)
    selector = selectors.DefaultSelector()
    answers = collections.Counter()
    for _ in range(args.count):
        s = connect(args.socket)
        s.sendall(
            b"POST /v1/shelf/products HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {args.size}\r\nConnection: close\r\n\r\n".encode())
        s.setblocking(False)
        selector.register(s, selectors.EVENT_READ, data={"sent": 0, "next": time.monotonic(), "got": b""})
    while selector.get_map() and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.01):
            state = key.data
            try:
                chunk = key.fileobj.recv(65536)
            except OSError:
                chunk = b""
            state["got"] += chunk
            if not chunk:
                answers[status_of(state["got"])] += 1
                selector.unregister(key.fileobj)
                key.fileobj.close()
        now = time.monotonic()
        for key in list(selector.get_map().values()):
            state = key.data
            if state["sent"] < args.size and state["next"] <= now:
                try:
                    state["sent"] += key.fileobj.send(body[state["sent"]:state["sent"] + piece])
                except BlockingIOError:
                    pass
                except OSError:
                    state["sent"] = args.size
                state["next"] = now + interval
    for key in list(selector.get_map().values()):
        answers["unanswered"] += 1
        key.fileobj.close()
    print(f"{args.count} POSTs of {args.size >> 20} MiB over {args.spread:g} s: {summary(answers)}")


def chunked(args):
    """One chunked POST of `size` bytes sent as fast as the daemon takes it."""
    deadline = time.monotonic() + args.seconds
    s = connect(args.socket)
    s.settimeout(1.0)
    s.sendall(b"POST /v1/shelf/products HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n")
    piece = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    sent = 0
    while sent < args.size and time.monotonic() < deadline:
        try:
            s.sendall(piece)
            sent += 0x10000
        except socket.timeout:
            continue
        except OSError:
            break
    got = b""
    while time.monotonic() < deadline:
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            continue
        except OSError:
            break
        if not chunk:
            break
        got += chunk
    s.close()
    print(f"sent {sent >> 20} MiB of {args.size >> 20} MiB chunked; answer {status_of(got)}")


def malformed(args):
    """`count` malformed requests, one connection each, `parallel` at a time."""
    raise_fd_limit()
    deadline = time.monotonic() + args.seconds
    selector = selectors.DefaultSelector()
    answers, started = collections.Counter(), 0

    def start():
        nonlocal started
        s = connect(args.socket)
        request = MALFORMED[started % len(MALFORMED)]
        started += 1
        s.setblocking(False)
        try:
            s.send(request)
        except OSError:
            pass
        selector.register(s, selectors.EVENT_READ, data=[b""])

    while started < min(args.parallel, args.count):
        start()
    while selector.get_map() and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.1):
            try:
                chunk = key.fileobj.recv(65536)
            except OSError:
                chunk = b""
            key.data[0] += chunk
            if not chunk:
                answers[status_of(key.data[0])] += 1
                selector.unregister(key.fileobj)
                key.fileobj.close()
                if started < args.count and time.monotonic() < deadline:
                    start()
    for key in list(selector.get_map().values()):
        answers["unanswered"] += 1
        key.fileobj.close()
    print(f"{started} of {args.count} malformed requests: {summary(answers)}")


def rss(args):
    """Samples the process's VmRSS every `interval` s for `seconds`; prints the peak in KiB (the
    larger of the sampled VmRSS and VmHWM, which clear_refs reset at the start when allowed)."""
    def field(name):
        with open(f"/proc/{args.pid}/status") as status:
            for line in status:
                if line.startswith(name + ":"):
                    return int(line.split()[1])
        return 0

    try:
        with open(f"/proc/{args.pid}/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass
    peak, deadline = 0, time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        try:
            peak = max(peak, field("VmRSS"))
        except OSError:
            break
        time.sleep(args.interval)
    try:
        peak = max(peak, field("VmHWM"))
    except OSError:
        pass
    print(peak)


def scans(args):
    """p50, p99 (ms) and status counts of an h2load --log-file."""
    latencies, statuses = [], collections.Counter()
    with open(args.log) as log:
        for line in log:
            fields = line.split("\t")
            if len(fields) >= 3:
                statuses[fields[1]] += 1
                latencies.append(int(fields[2]))
    latencies.sort()

    def pct(fraction):
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies), max(1, -int(-fraction * len(latencies) // 1))) - 1] / 1000

    errors = sum(n for s, n in statuses.items() if s != "200")
    fivexx = sum(n for s, n in statuses.items() if s.startswith("5"))
    print(f"{len(latencies)}\t{pct(0.5):.2f}\t{pct(0.99):.2f}\t{fivexx}\t{errors - fivexx}\t{args.requests - len(latencies)}")


def table(args):
    """The results TSV (name, peak KiB, requests, p50, p99, 5xx, other, missing, note) as a table."""
    rows = [line.rstrip("\n").split("\t") for line in open(args.results) if line.strip()]
    idle = int(rows[0][1])
    mib = lambda kib: f"{int(kib) / 1024:.1f}"  # noqa: E731
    print(f"| abuse (one at a time, with {args.rate:,} scans/s) | peak RSS MiB | peak − idle MiB | scans p50 ms | "
          "scans p99 ms | scans 5xx | other errors | what the abuser saw |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, peak, count, p50, p99, fivexx, other, missing, note in rows:
        delta = "—" if name == "idle" else mib(int(peak) - idle)
        other_text = other if missing == "0" else f"{other} (+{missing} unanswered)"
        print(f"| {name} | {mib(peak)} | {delta} | {p50} | {p99} | {fivexx} | {other_text} | {note} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in [("pipelined", pipelined), ("slowloris", slowloris), ("slow-posts", slow_posts),
                       ("chunked", chunked), ("malformed", malformed)]:
        p = sub.add_parser(name)
        p.add_argument("--socket", required=True)
        p.add_argument("--seconds", type=float, required=True)
        p.add_argument("--count", type=int, default=1)
        p.add_argument("--size", type=int, default=4 << 20)
        p.add_argument("--spread", type=float, default=8.0)
        p.add_argument("--parallel", type=int, default=32)
        p.add_argument("--barcode", default="")
        p.set_defaults(func=func)
    p = sub.add_parser("rss")
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--interval", type=float, default=0.02)
    p.set_defaults(func=rss)
    p = sub.add_parser("scans")
    p.add_argument("log")
    p.add_argument("requests", type=int)
    p.set_defaults(func=scans)
    p = sub.add_parser("table")
    p.add_argument("results")
    p.add_argument("--rate", type=int, default=1000)
    p.set_defaults(func=table)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    sys.exit(main())
