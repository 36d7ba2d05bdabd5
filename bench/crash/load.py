#!/usr/bin/env python3
"""Crash test driver: a mixed write load against xinhuo, SIGKILLs of the server, and checks that every acknowledged
write is in the database exactly once.

Started by bench/crash/run and bench/scaleout/run (they prepare the database and the accounts; the checks are in
checks.py); not meant to be run
by hand. Python 3 standard library only.

Operations (each worker picks one at a time):
  checkin  POST /api/v1/study/checkins             a member checks in to a study session (the token from /qr)
  claim    POST /api/v1/me/points/claims           a member reports an activity (Idempotency-Key; the key is also
                                                   written into the description so that the database shows doubles)
  approve  POST /api/v1/points/claims/{id}/approve  the administrator approves an acknowledged claim
  visit    POST /api/v1/me/mass/visits             a member logs a visit (client_key, also sent as Idempotency-Key)
An operation whose request got no answer or a 5xx is retried with the same body and key until it gets a definite
answer; only a 2xx counts as acknowledged (the log of acknowledged writes is written as JSON lines).
"""
import argparse
import hashlib
import http.client
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Backup, Checker, Sql  # noqa: E402


def say(*a):
    print("crash:", *a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the servers

class Server:
    """One xinhuo process; started, killed with SIGKILL and started again."""

    def __init__(self, name, binary, database, data_dir, port, log_path):
        self.name, self.binary, self.database, self.data_dir, self.port = name, binary, database, data_dir, port
        self.log_path = log_path
        self.proc = None

    def start(self, timeout=60):
        env = dict(os.environ, XINHUO_ACCESS_LOG="false")
        for attempt in range(5):
            log = open(self.log_path, "ab")
            self.proc = subprocess.Popen(
                [self.binary, "--database", self.database, "--data-dir", self.data_dir,
                 "--listen", "127.0.0.1:%d" % self.port, "--web-root", "", "serve"],
                stdout=log, stderr=log, env=env, start_new_session=True)
            log.close()
            deadline = time.time() + timeout
            while time.time() < deadline:
                if self.proc.poll() is not None:
                    break
                if ready(self.port):
                    return
                time.sleep(0.05)
            if self.proc.poll() is None:
                raise RuntimeError("%s did not answer within %d s" % (self.name, timeout))
            say("%s exited at start-up (code %s), again" % (self.name, self.proc.returncode))
            time.sleep(1)
        raise RuntimeError("%s does not start: see %s" % (self.name, self.log_path))

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


def ready(port):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        c.request("GET", "/api/v1/system/info")
        ok = c.getresponse().status == 200
        c.close()
        return ok
    except (OSError, http.client.HTTPException):
        return False


def login(port, username, password):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("POST", "/api/v1/auth/login", json.dumps({"username": username, "password": password}),
              {"Content-Type": "application/json", "X-Requested-With": "XMLHttpRequest"})
    r = c.getresponse()
    r.read()
    if r.status != 200:
        raise RuntimeError("sign-in as %s failed: %d" % (username, r.status))
    for k, v in r.getheaders():
        if k.lower() == "set-cookie":
            return v.split(";")[0]
    raise RuntimeError("no session cookie")


# ---------------------------------------------------------------- the load

class Gate:
    """Lets the checker stop new requests and wait until none is in flight."""

    def __init__(self):
        self.cond = threading.Condition()
        self.paused = False
        self.inflight = 0

    def enter(self):
        with self.cond:
            while self.paused:
                self.cond.wait()
            self.inflight += 1

    def leave(self):
        with self.cond:
            self.inflight -= 1
            self.cond.notify_all()

    def pause(self, timeout=60):
        with self.cond:
            self.paused = True
            end = time.time() + timeout
            while self.inflight and time.time() < end:
                self.cond.wait(0.5)
            return self.inflight == 0

    def resume(self):
        with self.cond:
            self.paused = False
            self.cond.notify_all()


class Load:
    def __init__(self, args, members, sessions, admin_cookie, rule_id):
        self.host, self.port = "127.0.0.1", args.port
        self.members = members          # [(cookie, person_id)]
        self.sessions = sessions        # {session_id: [(cookie, person_id)]}
        self.admin = admin_cookie
        self.rule_id = rule_id
        self.gate = Gate()
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.acked = []                 # acknowledged writes, in order
        self.attempted_keys = {"claim": set(), "visit": set()}
        self.stats = {"requests": 0, "2xx": 0, "5xx": 0, "4xx": 0, "no_answer": 0, "retries": 0,
                      "rejected": 0, "done_unacknowledged": 0, "gave_up": 0}
        self.errors = {}                # error code → count (definite 4xx answers)
        self.approve_queue = queue.Queue()
        pairs = [(s, c, p) for s, lst in sessions.items() for (c, p) in lst]
        random.shuffle(pairs)
        self.checkins = pairs
        self.tokens = {}                # session → (token, fetched_at)
        self.token_lock = threading.Lock()
        self.log = open(args.acks, "a")
        self.today = datetime.now(timezone.utc).date().isoformat()
        self.window_failures = 0        # non-2xx answers and unanswered requests (for the scale-out report)

    # one HTTP exchange; returns (status, body json) or (None, None) when there was no answer
    def exchange(self, conn_box, method, path, body, headers):
        self.gate.enter()
        try:
            if conn_box[0] is None:
                conn_box[0] = http.client.HTTPConnection(self.host, self.port, timeout=30)
            conn_box[0].request(method, path, body, headers)
            r = conn_box[0].getresponse()
            data = r.read()
            with self.lock:
                self.stats["requests"] += 1
            try:
                parsed = json.loads(data) if data else {}
            except ValueError:
                parsed = {}
            return r.status, parsed
        except (OSError, http.client.HTTPException):
            if conn_box[0] is not None:
                conn_box[0].close()
            conn_box[0] = None
            with self.lock:
                self.stats["requests"] += 1
                self.stats["no_answer"] += 1
                self.window_failures += 1
            return None, None
        finally:
            self.gate.leave()

    def headers(self, cookie, key=None):
        h = {"Cookie": cookie, "X-Requested-With": "XMLHttpRequest", "Content-Type": "application/json"}
        if key:
            h["Idempotency-Key"] = key
        return h

    # Sends until a definite answer: 2xx → (status, body); 4xx → (status, body); gives up after `patience` s.
    def until_answered(self, conn_box, method, path, body, headers, patience=180, retry_codes=("request_in_progress", "request_taken_over")):
        end = time.time() + patience
        delay = 0.05
        first = True
        while True:
            status, data = self.exchange(conn_box, method, path, body, headers)
            if status is not None:
                cls = status // 100
                with self.lock:
                    if cls == 2:
                        self.stats["2xx"] += 1
                    elif cls == 5:
                        self.stats["5xx"] += 1
                        self.window_failures += 1
                    else:
                        self.stats["4xx"] += 1
                code = (data or {}).get("error", {}).get("code", "") if isinstance(data, dict) else ""
                if cls == 2 or (cls == 4 and code not in retry_codes):
                    return status, data, not first
                if cls == 4:
                    with self.lock:
                        self.window_failures += 1
            if time.time() > end:
                return None, None, True
            first = False
            with self.lock:
                self.stats["retries"] += 1
            time.sleep(delay)
            delay = min(delay * 2, 1.0)

    def ack(self, rec):
        rec["t"] = time.time()
        with self.lock:
            self.acked.append(rec)
            self.log.write(json.dumps(rec) + "\n")
            self.log.flush()

    def rejected(self, op, status, data):
        code = (data or {}).get("error", {}).get("code", str(status)) if isinstance(data, dict) else str(status)
        with self.lock:
            self.stats["rejected"] += 1
            self.errors[op + ":" + code] = self.errors.get(op + ":" + code, 0) + 1

    def token(self, conn_box, session, fresh=False):
        with self.token_lock:
            t = self.tokens.get(session)
            if t and not fresh and time.time() - t[1] < 10:
                return t[0]
        status, data, _ = self.until_answered(conn_box, "GET", "/api/v1/study/sessions/%d/qr" % session, None,
                                              self.headers(self.admin))
        if status != 200:
            return None
        with self.token_lock:
            self.tokens[session] = (data["token"], time.time())
        return data["token"]

    def do_checkin(self, conn_box):
        with self.lock:
            if not self.checkins:
                return False
            session, cookie, person = self.checkins.pop()
        for _ in range(5):
            tok = self.token(conn_box, session)
            if tok is None:
                return True
            status, data, retried = self.until_answered(conn_box, "POST", "/api/v1/study/checkins",
                                                        json.dumps({"token": tok}), self.headers(cookie))
            if status == 200:
                self.ack({"op": "checkin", "session": session, "person": person, "already": data.get("already", False)})
                return True
            if status is None:
                with self.lock:
                    self.stats["gave_up"] += 1
                return True
            code = (data or {}).get("error", {}).get("code", "")
            if code == "qr_expired":
                self.token(conn_box, session, fresh=True)
                continue
            self.rejected("checkin", status, data)
            return True
        return True

    def do_claim(self, conn_box):
        cookie, person = random.choice(self.members)
        key = "crash-" + uuid.uuid4().hex
        with self.lock:
            self.attempted_keys["claim"].add(key)
        body = json.dumps({"rule_id": self.rule_id, "activity_date": self.today,
                           "description": "crash-op:%s 参加社区志愿服务" % key})
        status, data, retried = self.until_answered(conn_box, "POST", "/api/v1/me/points/claims", body,
                                                    self.headers(cookie, key))
        if status is not None and status // 100 == 2:
            self.ack({"op": "claim", "key": key, "id": data["id"], "person": person, "replayed": retried})
            self.approve_queue.put(data["id"])
        elif status is None:
            with self.lock:
                self.stats["gave_up"] += 1
        elif (data or {}).get("error", {}).get("code", "") == "request_done_answer_lost":
            with self.lock:  # carried out, but its answer was lost with the server: not acknowledged
                self.stats["done_unacknowledged"] += 1
        else:
            self.rejected("claim", status, data)

    def do_visit(self, conn_box):
        cookie, person = random.choice(self.members)
        key = "crash-" + uuid.uuid4().hex
        with self.lock:
            self.attempted_keys["visit"].add(key)
        body = json.dumps({"client_key": key, "place": "社区服务站", "visit_date": self.today,
                           "learned": "走访了解情况 " + key})
        status, data, retried = self.until_answered(conn_box, "POST", "/api/v1/me/mass/visits", body,
                                                    self.headers(cookie, key))
        if status is not None and status // 100 == 2:
            self.ack({"op": "visit", "key": key, "id": data["id"], "person": person})
        elif status is None:
            with self.lock:
                self.stats["gave_up"] += 1
        elif (data or {}).get("error", {}).get("code", "") == "request_done_answer_lost":
            with self.lock:  # carried out, but its answer was lost with the server: not acknowledged
                self.stats["done_unacknowledged"] += 1
        else:
            self.rejected("visit", status, data)

    def do_approve(self, conn_box, claim_id):
        status, data, retried = self.until_answered(conn_box, "POST", "/api/v1/points/claims/%d/approve" % claim_id,
                                                    "{}", self.headers(self.admin))
        if status == 200:
            self.ack({"op": "approve", "claim": claim_id})
        elif status is None:
            with self.lock:
                self.stats["gave_up"] += 1
        else:
            code = (data or {}).get("error", {}).get("code", "")
            if retried and code in ("already_decided", "claim_already_decided"):
                # The first attempt was committed but its answer was lost with the server: not acknowledged.
                with self.lock:
                    self.stats["done_unacknowledged"] += 1
            else:
                self.rejected("approve", status, data)

    def writer(self):
        conn_box = [None]
        while not self.stop.is_set():
            r = random.random()
            if r < 0.45 and self.do_checkin(conn_box):
                continue
            if r < 0.75:
                self.do_claim(conn_box)
            else:
                self.do_visit(conn_box)

    def approver(self):
        conn_box = [None]
        while not self.stop.is_set():
            try:
                claim_id = self.approve_queue.get(timeout=0.2)
            except queue.Empty:
                continue
            self.do_approve(conn_box, claim_id)

    def run(self, writers, approvers):
        self.threads = [threading.Thread(target=self.writer, daemon=True) for _ in range(writers)]
        self.threads += [threading.Thread(target=self.approver, daemon=True) for _ in range(approvers)]
        for t in self.threads:
            t.start()

    def finish(self, timeout=240):
        """Stops starting new operations; lets the ones under way get their answer."""
        self.stop.set()
        end = time.time() + timeout
        for t in self.threads:
            t.join(max(0.1, end - time.time()))
        return sum(t.is_alive() for t in self.threads)


# ---------------------------------------------------------------- set-up helpers

def read_cookies(path):
    with open(path) as f:
        return [line.strip() for line in f if line.strip()]


def person_of_cookies(sql, cookies):
    """The person behind each session cookie (the database keeps the token's SHA-256)."""
    by_hash = {h: int(p) for h, p in sql.rows(
        "SELECT s.token_hash, a.person_id FROM auth_session s JOIN account a ON a.id = s.account_id "
        "WHERE a.username LIKE 'bench%'")}
    out = []
    for c in cookies:
        token = c.split("=", 1)[1]
        out.append((c, by_hash[hashlib.sha256(token.encode()).hexdigest()]))
    return out


def crash_rule(port, admin):
    """A self-reported rule without evidence, so that claims need no upload (made once per database)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    h = {"Cookie": admin, "X-Requested-With": "XMLHttpRequest", "Content-Type": "application/json"}
    c.request("GET", "/api/v1/points/rules", headers=h)
    for r in json.loads(c.getresponse().read())["items"]:
        if r["code"] == "crash_service":
            return r["id"]
    year = datetime.now(timezone.utc).year
    body = {"code": "crash_service", "category_code": "service", "name": "社区志愿服务（崩溃测试）", "points": 1,
            "earn_mode": "self_report", "evidence_required": False, "valid_from": "%d-01-01" % (year - 1)}
    c.request("POST", "/api/v1/points/rules", json.dumps(body), h)
    r = c.getresponse()
    data = json.loads(r.read())
    if r.status != 201:
        raise RuntimeError("cannot add the rule: %s" % data)
    return data["id"]


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--database", required=True)
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("--port", type=int, required=True, help="where the load goes (the server, or nginx)")
    ap.add_argument("--server-port", type=int, action="append", default=[],
                    help="a xinhuo instance to start (several for the scale-out test)")
    ap.add_argument("--kill", default="0", help="index of the instance to kill (scale-out), or 'all'")
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--sessions", required=True, help="session_id:cookie_file,...")
    ap.add_argument("--writers", type=int, default=6)
    ap.add_argument("--approvers", type=int, default=2)
    ap.add_argument("--min-run", type=float, default=1.0)
    ap.add_argument("--max-run", type=float, default=5.0)
    ap.add_argument("--backup", action="store_true")
    ap.add_argument("--verify-each", action="store_true", help="check after every restart (with the load paused)")
    ap.add_argument("--acks", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--mode", default="crash", choices=["crash", "scaleout"])
    args = ap.parse_args()

    sql = Sql(args.database)
    servers = [Server("xinhuo-%d" % i, args.binary, args.database, args.data_dir, p,
                      os.path.join(args.tmp, "server-%d.log" % i)) for i, p in enumerate(args.server_port)]
    for s in servers:
        s.start()
    try:
        return run(args, sql, servers)
    finally:
        for s in servers:
            s.stop()


def run(args, sql, servers):
    started = time.time()
    admin = login(args.server_port[0], "admin", "Xinhuo#2026")
    rule_id = crash_rule(args.server_port[0], admin)
    sessions = {}
    members = []
    for item in args.sessions.split(","):
        sid, path = item.split(":", 1)
        lst = person_of_cookies(sql, read_cookies(path))
        sessions[int(sid)] = lst
        if not members:
            members = lst
    checker = Checker(sql, args.binary, args.database, args.data_dir, list(sessions))
    load = Load(args, members, sessions, admin, rule_id)
    backup = Backup(args, checker, sql) if args.backup else None
    victims = servers if args.kill == "all" else [servers[int(args.kill)]]
    load.run(args.writers, args.approvers)
    rounds = []
    say("load started: %d writers, %d approvers, %d check-ins queued" % (args.writers, args.approvers, len(load.checkins)))
    for k in range(1, args.kills + 1):
        time.sleep(random.uniform(args.min_run, args.max_run))
        if backup and k == max(1, args.kills // 2):
            backup.under_load(load)
        with load.lock:
            acked_before_kill = len(load.acked)
            load.window_failures = 0
        victim = victims[k % len(victims)] if args.kill == "all" else victims[0]
        victim.kill()
        down_at = time.time()
        if args.mode == "scaleout":
            time.sleep(random.uniform(1.0, 3.0))  # the other instance serves alone meanwhile
        victim.start()
        downtime = time.time() - down_at
        with load.lock:
            failures = load.window_failures
        r = {"kill": k, "acked_before_kill": acked_before_kill, "downtime_s": round(downtime, 2),
             "failures_while_down": failures}
        if args.verify_each:
            if not load.gate.pause():
                say("requests still in flight after 60 s; checking anyway")
            with load.lock:
                acked = list(load.acked)
                keys = {kk: set(v) for kk, v in load.attempted_keys.items()}
            r.update(checker.verify("after kill %d" % k, acked, keys))
            load.gate.resume()
        rounds.append(r)
        say("kill %d/%d of %s: restarted in %.1f s; %d writes acknowledged so far%s" % (
            k, args.kills, victim.name, downtime, r["acked_before_kill"],
            "" if not args.verify_each else "; lost %d, doubled %d, points verify %d, audit verify %d" % (
                r["lost"], r["doubled"], r["points_verify"], r["audit_verify"])))
    time.sleep(random.uniform(args.min_run, args.max_run))
    alive = load.finish()
    if alive:
        say("%d workers still waiting for an answer after the load stopped" % alive)
    final = checker.verify("at the end", list(load.acked), load.attempted_keys)
    if backup:
        backup.after_load()
    by_op = {}
    for a in load.acked:
        by_op[a["op"]] = by_op.get(a["op"], 0) + 1
    report = {"database": "sqlite" if args.database.startswith("sqlite:") else "postgresql", "kills": args.kills,
              "seconds": round(time.time() - started), "acked": len(load.acked), "acked_by_op": by_op,
              "final": final, "rounds": rounds, "stats": load.stats, "rejected": load.errors,
              "backup": backup.results if backup else None, "passed": checker.passed, "failed": checker.failed,
              "writers": args.writers, "approvers": args.approvers}
    with open(args.report, "w") as f:
        json.dump(report, f, indent=1)
    summary(report)
    return 0 if checker.failed == 0 else 1


def summary(r):
    f = r["final"]
    s = r["stats"]
    print("database: %s; %d kills (SIGKILL) in %d s; %d writers + %d approvers" % (
        r["database"], r["kills"], r["seconds"], r["writers"], r["approvers"]))
    print("writes acknowledged: %d (%s)" % (r["acked"], ", ".join("%s %d" % kv for kv in sorted(r["acked_by_op"].items()))))
    print("writes lost: %d" % f["lost"])
    print("writes doubled: %d" % f["doubled"])
    print("points verify: exit %d (%s)" % (f["points_verify"], f["points_out"]))
    print("audit verify: exit %d (%s)" % (f["audit_verify"], f["audit_out"]))
    checked = [x for x in r["rounds"] if "lost" in x]
    if checked:
        print("after each restart: %d checks; lost %d, doubled %d, points verify failed %d, audit verify failed %d" % (
            len(checked), sum(x["lost"] for x in checked), sum(x["doubled"] for x in checked),
            sum(x["points_verify"] != 0 for x in checked), sum(x["audit_verify"] != 0 for x in checked)))
    print("requests: %d sent, %d 2xx, %d 4xx, %d 5xx, %d without an answer (server down), %d retries; "
          "%d operations given up after 180 s of retries; %d writes done but unacknowledged (answer lost in a crash)"
          % (s["requests"], s["2xx"], s["4xx"], s["5xx"], s["no_answer"], s["retries"], s["gave_up"],
             s["done_unacknowledged"]))
    if r["rejected"]:
        print("definite refusals (4xx, not retried): " + ", ".join("%s %d" % kv for kv in sorted(r["rejected"].items())))
    down = [x["failures_while_down"] for x in r["rounds"]]
    if down:
        print("failed requests per kill (no answer, 5xx, 409 in progress): min %d, median %d, max %d, total %d" % (
            min(down), sorted(down)[len(down) // 2], max(down), sum(down)))
    b = r.get("backup")
    if b:
        u, a = b.get("under_load", {}), b.get("at_rest", {})
        if u:
            print("backup under load (%s, %.1f s): %d writes acknowledged before it: %d missing, %d doubled; points verify %d, "
                  "audit verify %d on the restored copy; rows %s; each the same as the live table up to its last id: %s" % (
                      u["how"], u["seconds"], u["acked_before"], u["lost"], u["doubled"], u["points_verify"],
                      u["audit_verify"], ", ".join("%s %d" % kv for kv in u["counts"].items()),
                      "yes" if all(ok for _, _, ok in u.get("prefix", [])) else "NO"))
        if a:
            print("backup at rest (%s): %d tables, %d rows; tables differing from the live database after restore: %d; "
                  "points verify %d, audit verify %d" % (a["how"], a["tables"], a["rows"], len(a["differ"]),
                                                         a["points_verify"], a["audit_verify"]))
    print("%d passed, %d failed" % (r["passed"], r["failed"]))


if __name__ == "__main__":
    sys.exit(main())
