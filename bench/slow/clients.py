#!/usr/bin/env python3
"""Slow and many clients against a running xinhuo (bench/slow/run starts one and calls this).

    clients.py HOST PORT COOKIE PERSON_ID [STALLED] [REQUESTS]

1. Baseline: REQUESTS requests each of GET /readyz, GET /api/v1/system/info and a signed-in GET /api/v1/people/{id},
   one connection each, one after the other; p50 / p99 / max in ms.
2. STALLED connections are opened and held: a third send nothing, a third half a request line, a third a request
   line and half a header. The same requests are measured again while they are held.
3. How long the server keeps the stalled connections (it should close them at its read timeout).
4. A request whose body comes at 1 byte a second: after how long the server cuts it off.
Prints a markdown table and the findings; exits 1 if a normal request took 100 ms or more at p99 while the
connections were held, or if the slow body was never cut off.
"""
import resource
import socket
import statistics
import sys
import time

host, port, cookie, person = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
stalled_count = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
requests = int(sys.argv[6]) if len(sys.argv) > 6 else 200

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if soft < stalled_count + 100:
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, stalled_count + 1000), hard))


def one(path, with_cookie):
    started = time.perf_counter()
    s = socket.create_connection((host, port), timeout=10)
    head = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
    if with_cookie:
        head += f"Cookie: {cookie}\r\n"
    s.sendall((head + "\r\n").encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    elapsed = (time.perf_counter() - started) * 1000
    status = int(data[9:12]) if data.startswith(b"HTTP/1.1 ") else 0
    if status != 200:
        raise SystemExit(f"{path}: status {status}")
    return elapsed


def measure():
    rows = {}
    for name, path, with_cookie in (("GET /readyz", "/readyz", False),
                                     ("GET /api/v1/system/info", "/api/v1/system/info", False),
                                     (f"GET /api/v1/people/{{id}} signed in", f"/api/v1/people/{person}", True)):
        times = sorted(one(path, with_cookie) for _ in range(requests))
        rows[name] = (statistics.median(times), times[int(len(times) * 0.99) - 1], times[-1])
    return rows


def open_connections(n):
    held = []
    for i in range(n):
        s = socket.create_connection((host, port), timeout=10)
        s.setblocking(False)
        if i % 3 == 1:
            s.send(b"GET /api/v1/sys")
        elif i % 3 == 2:
            s.send(f"GET /api/v1/system/info HTTP/1.1\r\nHost: {host}\r\nX-Slow: ".encode())
        held.append(s)
    return held


def still_open(held):
    n = 0
    for s in held:
        try:
            if s.recv(1, socket.MSG_PEEK) == b"":
                continue  # closed by the server
        except BlockingIOError:
            pass
        except OSError:
            continue
        n += 1
    return n


def slow_body():
    s = socket.create_connection((host, port), timeout=120)
    s.sendall(f"POST /api/v1/auth/login HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
              f"X-Requested-With: XMLHttpRequest\r\nContent-Length: 1000\r\n\r\n".encode())
    started = time.monotonic()
    s.settimeout(1.0)
    sent = 0
    while time.monotonic() - started < 120:
        try:
            if s.recv(4096) == b"":
                return time.monotonic() - started, sent, "closed"
            return time.monotonic() - started, sent, "answered"
        except socket.timeout:
            pass
        except OSError:
            return time.monotonic() - started, sent, "reset"
        try:
            s.send(b"{")
            sent += 1
        except OSError:
            return time.monotonic() - started, sent, "reset"
    return None, sent, "still open after 120 s"


baseline = measure()
t0 = time.monotonic()
held = open_connections(stalled_count)
opened = time.monotonic() - t0
loaded = measure()
held_after = still_open(held)
print(f"{stalled_count} stalled connections opened in {opened:.1f} s; {held_after} still open after the measurement")
print()
print("| request | baseline p50 ms | p99 | max | with stalled p50 ms | p99 | max |")
print("|---|---:|---:|---:|---:|---:|---:|")
worst = 0.0
for name in baseline:
    b, l = baseline[name], loaded[name]
    worst = max(worst, l[1])
    print(f"| {name} | {b[0]:.2f} | {b[1]:.2f} | {b[2]:.2f} | {l[0]:.2f} | {l[1]:.2f} | {l[2]:.2f} |")
print()
# How long the server holds the stalled connections.
closed_after = None
while time.monotonic() - t0 < 120:
    if still_open(held) == 0:
        closed_after = time.monotonic() - t0
        break
    time.sleep(0.5)
print(f"stalled connections: all closed by the server {closed_after:.0f} s after being opened" if closed_after
      else f"stalled connections: {still_open(held)} still open 120 s after being opened")
for s in held:
    s.close()
seconds, sent, how = slow_body()
print(f"body at 1 byte/s: {how} after {seconds:.0f} s ({sent} bytes sent)" if seconds
      else f"body at 1 byte/s: {how} ({sent} bytes sent)")
ok = worst < 100 and seconds is not None and how != "answered"
print("result:", "PASS" if ok else "FAIL", f"(worst p99 with stalled connections {worst:.1f} ms, target < 100 ms)")
sys.exit(0 if ok else 1)
