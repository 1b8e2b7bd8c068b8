#!/usr/bin/env python3
"""A stand-in for `hrr serve`, for developing and testing the pages until the
real server (src/web/) is merged: serves WEB_DIR at / and /static/, and
answers /api/ROUTE?params by running `hrr --db DB ROUTE --OPTION value --json`
(the same JSON the real server gives, docs: the API contract). /api/profile
and /api/compare are put together here from CLI calls in the shape the pages
expect (tests/web/fixtures/profile.json, compare.json), until the library's
own functions land.

usage: standin.py HRR DB WEB_DIR PORT
"""
import http.server, json, os, subprocess, sys, urllib.parse
from collections import defaultdict

HRR, DB, WEB, PORT = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
FLAGS = {"by_year", "dynamic", "no_action"}          # =1 -> --flag
ROUTES = {"summary", "states", "items", "votes", "check", "agree", "cohesion",
          "blocs", "ideal", "power", "rules", "decide", "replay", "casebook",
          "forecast", "backtest"}


class CliError(Exception):
    def __init__(self, status, msg):
        super().__init__(msg)
        self.status, self.msg = status, msg


def cli(*args):
    p = subprocess.run([HRR, "--db", DB, *args], capture_output=True, text=True)
    if p.returncode != 0:
        msg = p.stderr.strip().splitlines()[0] if p.stderr.strip() else "failed"
        msg = msg[5:] if msg.startswith("hrr: ") else msg
        raise CliError({2: 400, 5: 404}.get(p.returncode, 500), msg)
    return json.loads(p.stdout)


def sql(q):
    return cli("sql", "--json", q)


def opts(q, skip=()):
    out = []
    for k, v in q.items():
        if k in skip:
            continue
        if k in FLAGS:
            if v == "1":
                out.append("--" + k.replace("_", "-"))
        else:
            out += ["--" + k.replace("_", "-"), v]
    return out


def iso(q, k):
    v = q.get(k, "").upper()
    if len(v) != 3 or not v.isalpha():
        raise CliError(400, f"{k} wants an ISO3 code, not '{q.get(k, '')}'")
    return v


def profile(q):
    s = iso(q, "state")
    st = [r for r in cli("states", "--json") if r["iso3"] == s]
    if not st:
        raise CliError(404, f"no state '{s}' in {DB}")
    ideal = []
    for body in ("CHR", "HRC"):
        ideal += [dict(body=body, **{k: r[k] for k in ("year", "dim1", "sd", "votes")})
                  for r in cli("ideal", "--body", body, "--dynamic", "--json") if r["state"] == s]
    groups = {}
    for g in ("WEOG", "AFRICAN", "ASIA_PACIFIC", "GRULAC", "EEG", "LMG", "EU", "OIC"):
        groups[g] = {r["iso3"] for r in cli("states", "--group", g, "--json")}
    agree = []
    for body in ("CHR", "HRC"):
        acc = defaultdict(lambda: [0, 0.0])
        for r in cli("agree", "--body", body, "--with", s, "--by-year", "--json"):
            if r["agree"] is None:
                continue
            for g, mem in groups.items():
                if r["b"] in mem:
                    a = acc[(g, r["year"])]
                    a[0] += r["n"]
                    a[1] += r["agree"] * r["n"]
        agree += [{"body": body, "group": g, "year": y, "n": n, "agree": t / n}
                  for (g, y), (n, t) in sorted(acc.items()) if n]
    treaties = sql(f"""select r.instrument, r.status, r.year from ratifications r
        join states s on s.id = r.state_id where s.iso3 = '{s}' order by r.instrument""")
    upr = lambda me, other: sql(f"""select u.session, o.iso3 as state, count(*) as recommendations,
        sum(u.response = 'supported') as supported, sum(u.response = 'noted') as noted
        from upr_recommendations u join states m on m.id = u.{me} join states o on o.id = u.{other}
        where m.iso3 = '{s}' group by u.session, o.iso3 order by u.session, recommendations desc""")
    items = cli("items", "--target", s, "--json")
    return {"state": {k: st[0][k] for k in ("iso3", "name", "group", "orgs")},
            "ideal": ideal, "agree_groups": agree, "treaties": treaties,
            "upr_given": upr("recommending_id", "sur_id"),
            "upr_received": upr("sur_id", "recommending_id"),
            "targeted": [{k: r[k] for k in ("symbol", "key", "body", "date", "kind", "title",
                                             "yes", "no", "abstain", "outcome")} for r in items]}


def compare(q):
    a, b = iso(q, "a"), iso(q, "b")
    body = q.get("body", "HRC")
    rng = opts({k: q[k] for k in ("from", "to") if k in q})
    by_year = [r for r in cli("agree", "--body", body, "--with", a, "--by-year", *rng, "--json")
               if r["b"] == b]
    A = sql(f"""select i.key, i.symbol, i.date, i.subject, i.title, b.vote from ballots b
        join items i on i.id = b.item_id join states s on s.id = b.state_id
        where s.iso3 = '{a}' and i.body = '{body}'""")
    B = {r["key"]: r["vote"] for r in sql(f"""select i.key, b.vote from ballots b
        join items i on i.id = b.item_id join states s on s.id = b.state_id
        where s.iso3 = '{b}' and i.body = '{body}'""")}
    lo, hi = q.get("from"), q.get("to")
    score = {(1, 2): 1.0, (2, 1): 1.0, (1, 3): .5, (3, 1): .5, (2, 3): .5, (3, 2): .5}
    name = {1: "yes", 2: "no", 3: "abstain"}
    subj = defaultdict(lambda: [0, 0.0])
    differ = []
    for r in A:
        y = (r["date"] or "")[:4]
        if (lo and y < lo) or (hi and y > hi):
            continue
        va, vb = r["vote"], B.get(r["key"])
        if va not in name or vb not in name:
            continue
        d = score.get((va, vb), 0.0)
        s_ = subj[r["subject"] or "(none)"]
        s_[0] += 1
        s_[1] += 1 - d
        if d == 1.0:
            differ.append({"symbol": r["symbol"] or r["key"], "date": r["date"], "title": r["title"],
                           "a_vote": name[va], "b_vote": name[vb]})
    differ.sort(key=lambda r: r["date"] or "", reverse=True)
    return {"a": a, "b": b, "body": body, "by_year": by_year,
            "by_subject": sorted(({"subject": k, "n": n, "agree": t / n} for k, (n, t) in subj.items()),
                                 key=lambda r: -r["n"]),
            "differ": differ[:50]}


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **kw):
        super().__init__(*a, directory=WEB, **kw)

    def log_message(self, *a):
        pass

    def send_json(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        u = urllib.parse.urlsplit(self.path)
        if not u.path.startswith("/api/"):
            return super().do_GET()
        route = u.path[5:]
        q = dict(urllib.parse.parse_qsl(u.query))
        try:
            if route == "profile":
                return self.send_json(200, profile(q))
            if route == "compare":
                return self.send_json(200, compare(q))
            if route not in ROUTES:
                raise CliError(404, f"no route /api/{route}")
            if route == "votes":
                args = ["votes", "--json", q.get("ref", "")]
            elif route == "rules":
                args = ["rules", "show", q["name"], "--json"] if "name" in q else ["rules", "list", "--json"]
            else:
                args = [route, *opts(q), "--json"]
            self.send_json(200, cli(*args))
        except CliError as e:
            self.send_json(e.status, {"error": e.msg, "status": e.status})


if __name__ == "__main__":
    http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
