"""Checks of bench/crash/load.py against the database: every acknowledged write present once, `xinhuo points verify`
and `xinhuo audit verify`, and the backup restored into a new database. Python 3 standard library only."""
import hashlib
import json
import os
import subprocess
import sys
import time


def say(*a):
    print("crash:", *a, file=sys.stderr, flush=True)

# ---------------------------------------------------------------- database access (the sqlite3 and psql clients)

class Sql:
    def __init__(self, url):
        self.url = url

    def rows(self, query):
        if self.url.startswith("sqlite:"):
            cmd = ["sqlite3", "-batch", "-separator", "\t", self.url[len("sqlite:"):], query]
        else:
            cmd = ["psql", "-qAt", "-F", "\t", "-v", "ON_ERROR_STOP=1", self.url, "-c", query]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            raise RuntimeError("query failed: %s: %s" % (query[:200], out.stderr.strip()))
        return [line.split("\t") for line in out.stdout.splitlines() if line != ""]

    def value(self, query):
        r = self.rows(query)
        return r[0][0] if r else None


# ---------------------------------------------------------------- checks

class Checker:
    def __init__(self, sql, binary, database, data_dir, session_ids):
        self.sql, self.binary, self.database, self.data_dir = sql, binary, database, data_dir
        self.session_ids = session_ids
        self.passed = 0
        self.failed = 0

    def result(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            say("FAILED: " + what)
        return ok

    def cli(self, *args, database=None):
        out = subprocess.run([self.binary, "--database", database or self.database, "--data-dir", self.data_dir] +
                             list(args), capture_output=True, text=True, env=dict(os.environ, XINHUO_ACCESS_LOG="false"))
        return out.returncode, (out.stdout + out.stderr).strip().splitlines()[-1:] or [""]

    def writes(self, acked, attempted_keys, sql=None):
        """(lost, doubled, details) of the acknowledged writes against the database."""
        sql = sql or self.sql
        lost, details = [], []
        sessions = ",".join(str(s) for s in self.session_ids) or "0"
        checkins = {(int(s), int(p)): st for s, p, st in
                    sql.rows("SELECT session_id, person_id, status FROM study_checkin WHERE session_id IN (%s)" % sessions)}
        ledger = {}
        for key, n in sql.rows("SELECT source_key, COUNT(*) FROM ledger_entry WHERE source_key LIKE 'event:study.checkin:%' "
                               "OR source_key LIKE 'claim:%' GROUP BY source_key"):
            ledger[key] = int(n)
        claims = {}
        for cid, desc, status in sql.rows("SELECT id, description, status FROM point_claim WHERE description LIKE 'crash-op:%'"):
            key = desc.split(" ")[0][len("crash-op:"):]
            claims.setdefault(key, []).append((int(cid), status))
        visits = {}
        for vid, key in sql.rows("SELECT id, client_key FROM mass_visit WHERE client_key LIKE 'crash-%'"):
            visits.setdefault(key, []).append(int(vid))
        event_checkins = any(k.startswith("event:study.checkin:") for k in ledger)
        for a in acked:
            op = a["op"]
            if op == "checkin":
                st = checkins.get((a["session"], a["person"]))
                if st not in ("present", "late"):
                    lost.append(a)
                elif event_checkins and ledger.get("event:study.checkin:%d:%d" % (a["session"], a["person"]), 0) != 1:
                    lost.append(dict(a, what="ledger entry"))
            elif op == "claim":
                if a["id"] not in [c for c, _ in claims.get(a["key"], [])]:
                    lost.append(a)
            elif op == "approve":
                row = [st for lst in claims.values() for c, st in lst if c == a["claim"]]
                if row != ["approved"] or ledger.get("claim:%d" % a["claim"], 0) != 1:
                    lost.append(a)
            elif op == "visit":
                if a["id"] not in visits.get(a["key"], []):
                    lost.append(a)
        # Doubles: over every key ever sent, acknowledged or not, and every ledger source.
        doubled = [("claim", k, v) for k, v in claims.items() if len(v) > 1]
        doubled += [("visit", k, v) for k, v in visits.items() if len(v) > 1]
        doubled += [("ledger", k, n) for k, n in ledger.items() if n > 1]
        unknown = [k for k in claims if k not in attempted_keys["claim"]] + \
                  [k for k in visits if k not in attempted_keys["visit"]]
        if unknown:
            details.append("%d rows with keys this client never sent (an earlier run?)" % len(unknown))
        return lost, doubled, details

    def verify(self, label, acked, attempted_keys, database=None, sql=None):
        lost, doubled, details = self.writes(acked, attempted_keys, sql)
        for d in details:
            say(label + ": " + d)
        self.result(not lost, "%s: %d acknowledged writes lost, e.g. %s" % (label, len(lost), lost[:3]))
        self.result(not doubled, "%s: %d doubled writes, e.g. %s" % (label, len(doubled), doubled[:3]))
        pc, pout = self.cli("points", "verify", database=database)
        ac, aout = self.cli("audit", "verify", database=database)
        self.result(pc == 0, "%s: points verify exited %d: %s" % (label, pc, pout[0]))
        self.result(ac == 0, "%s: audit verify exited %d: %s" % (label, ac, aout[0]))
        return {"acked": len(acked), "lost": len(lost), "doubled": len(doubled), "points_verify": pc, "audit_verify": ac,
                "points_out": pout[0], "audit_out": aout[0]}


# ---------------------------------------------------------------- table snapshots (backup and restore)

def table_digest(sql, dialect):
    """{table: (rows, sha256 of the sorted rows)} of every table: compares two copies of one database."""
    if dialect == "sqlite":
        tables = [r[0] for r in sql.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                         "ORDER BY name")]
    else:
        tables = [r[0] for r in sql.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                         "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")]
    out = {}
    for t in tables:
        rows = sorted("\t".join(r) for r in sql.rows('SELECT * FROM "%s"' % t))
        out[t] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return out


def prefix_digest(sql, table, max_id):
    rows = sql.rows('SELECT * FROM "%s" WHERE id <= %d ORDER BY id' % (table, max_id))
    return len(rows), hashlib.sha256("\n".join("\t".join(r) for r in rows).encode()).hexdigest()


# Append-only tables: a row, once written, never changes; a copy taken at any moment is a prefix of the live table.
APPEND_ONLY = ["audit_log", "ledger_entry", "mass_visit"]


class Backup:
    """An online backup taken while the load runs, restored into a new database and checked."""

    def __init__(self, args, checker, sql):
        self.args, self.checker, self.sql = args, checker, sql
        self.dialect = "sqlite" if args.database.startswith("sqlite:") else "postgresql"
        self.results = {}

    def restore_url(self, name):
        if self.dialect == "sqlite":
            return "sqlite:" + os.path.join(self.args.tmp, name + ".db")
        base = self.args.database.rsplit("/", 1)[0]
        return base + "/" + name

    def take(self, name):
        """Backs up the live database and restores it as `name`; returns the restored database's URL."""
        started = time.time()
        url = self.restore_url(name)
        if self.dialect == "sqlite":
            path = os.path.join(self.args.tmp, name + ".backup")
            code, out = self.checker.cli("backup", path)
            if code != 0:
                raise RuntimeError("xinhuo backup failed: %s" % out)
            # Restoring a SQLite backup is copying the file where the server will open it.
            subprocess.run(["cp", path, url[len("sqlite:"):]], check=True)
            how = "xinhuo backup + cp"
        else:
            dump = os.path.join(self.args.tmp, name + ".dump")
            subprocess.run(["pg_dump", "--format=custom", "--file=" + dump, self.args.database], check=True)
            self.sql.rows('CREATE DATABASE "%s"' % name)
            subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + url, dump], check=True)
            how = "pg_dump --format=custom + pg_restore"
        return url, how, time.time() - started

    def under_load(self, load):
        """Runs while the load goes on: what was acknowledged before the backup began must be in the copy."""
        before = list(load.acked)
        keys = {k: set(v) for k, v in load.attempted_keys.items()}
        url, how, seconds = self.take("restored_under_load")
        rsql = Sql(url)
        label = "backup under load"
        # Writes acknowledged before the backup started; doubles over every key sent so far.
        lost, doubled, _ = self.checker.writes(before, keys, rsql)
        self.checker.result(not lost, "%s: %d writes acknowledged before the backup are missing from it" % (label, len(lost)))
        self.checker.result(not doubled, "%s: %d doubled writes in the copy" % (label, len(doubled)))
        pc, pout = self.checker.cli("points", "verify", database=url)
        ac, aout = self.checker.cli("audit", "verify", database=url)
        self.checker.result(pc == 0, "%s: points verify on the restored copy exited %d: %s" % (label, pc, pout[0]))
        self.checker.result(ac == 0, "%s: audit verify on the restored copy exited %d: %s" % (label, ac, aout[0]))
        counts = {t: int(rsql.value('SELECT COUNT(*) FROM "%s"' % t)) for t in APPEND_ONLY}
        maxid = {t: int(rsql.value('SELECT COALESCE(MAX(id), 0) FROM "%s"' % t)) for t in APPEND_ONLY}
        self.results["under_load"] = {"how": how, "seconds": round(seconds, 1), "acked_before": len(before),
                                      "lost": len(lost), "doubled": len(doubled), "points_verify": pc,
                                      "audit_verify": ac, "counts": counts, "url": url, "maxid": maxid}
        say("%s (%s, %.1f s): %d writes acknowledged before it, %d missing, %d doubled; points verify %d, audit verify %d"
            % (label, how, seconds, len(before), len(lost), len(doubled), pc, ac))

    def after_load(self):
        """After the load: the copy taken under load is a prefix of the live append-only tables; a second copy taken
        at rest equals the live database table by table (row counts and checksums)."""
        r = self.results.get("under_load")
        if r:
            rsql = Sql(r["url"])
            same = []
            for t in APPEND_ONLY:
                live, copy = prefix_digest(self.sql, t, r["maxid"][t]), prefix_digest(rsql, t, r["maxid"][t])
                ok = live == copy
                same.append((t, copy[0], ok))
                self.checker.result(ok, "backup under load: %s rows up to id %d differ from the live table" % (t, r["maxid"][t]))
            r["prefix"] = same
        url, how, seconds = self.take("restored_at_rest")
        live = table_digest(self.sql, self.dialect)
        copy = table_digest(Sql(url), self.dialect)
        differ = [t for t in live if live[t] != copy.get(t)] + [t for t in copy if t not in live]
        self.checker.result(not differ, "backup at rest: tables differ after restore: %s" % differ[:10])
        pc, _ = self.checker.cli("points", "verify", database=url)
        ac, _ = self.checker.cli("audit", "verify", database=url)
        self.checker.result(pc == 0 and ac == 0, "backup at rest: verify on the restored copy: points %d, audit %d" % (pc, ac))
        self.results["at_rest"] = {"how": how, "tables": len(live), "rows": sum(n for n, _ in live.values()),
                                   "differ": differ, "points_verify": pc, "audit_verify": ac,
                                   "digest": hashlib.sha256(json.dumps(sorted(live.items())).encode()).hexdigest()[:16]}
        say("backup at rest (%s): %d tables, %d rows, %d differ; points verify %d, audit verify %d"
            % (how, len(live), self.results["at_rest"]["rows"], len(differ), pc, ac))
