#!/usr/bin/env python3
"""Turns one bench/run.sh results directory into summary.json, summary.csv, summary.md and
performance.png (through gnuplot). Standard library only.

usage: bench/analyze.py RESULTS_DIR   (a bench/results/<UTC time> folder with runs.jsonl; run.sh calls it)

Every headline figure is a median over interleaved rounds, of a per-round ratio where two servers
are compared, printed with its spread (min and max over the rounds).
"""

import csv
import json
import math
import os
import statistics
import subprocess
import sys

SERVERS = ["cimdhost", "cimdhost-nocache", "nginx", "kestrel", "sinatra"]
SERVER_LABEL = {
    "cimdhost": "CimdHost",
    "cimdhost-nocache": "CimdHost, output cache off",
    "nginx": "nginx (static file)",
    "kestrel": "bare Kestrel",
    "sinatra": "Sinatra sample",
}
SCENARIOS = ["cached", "hot", "conditional", "errors", "head"]
PLOT_LABEL = {"cached": "documents", "hot": "hot documents", "conditional": "304 revalidate", "errors": "400 bad value", "head": "HEAD"}
# The first warm-up's load: a scenario's, or the growth measurements' own.
WARMUP_LOAD_LABEL = {**PLOT_LABEL, "warm": "hot documents", "spread": "documents spread over all clients"}
SCENARIO_LABEL = {
    "cached": "documents (random values)",
    "hot": "documents (1,000 hot values)",
    "conditional": "If-None-Match -> 304",
    "errors": "bad values -> 400",
    "head": "HEAD",
}
PAIRS = [("cimdhost", "nginx"), ("cimdhost", "kestrel"), ("cimdhost", "sinatra"),
         ("cimdhost-nocache", "nginx"), ("cimdhost-nocache", "kestrel"), ("cimdhost", "cimdhost-nocache"),
         ("kestrel", "nginx")]
# The CimdHost configurations the request targets are judged for; the growth targets are the default's.
TARGET_CONFIGS = [("cimdhost", "output cache on (default)"), ("cimdhost-nocache", "output cache off")]

# The targets in docs/performance.md.
TARGET_RPS_VS_KESTREL = 0.95
TARGET_CPU_VS_NGINX = 1.3
TARGET_P99_VS_NGINX = 2.0
TARGET_GROWTH_MB = 64
TARGET_STARTUP_MS = 3000
TARGET_COST_TOLERANCE = 0.10
# A run during which more than this many cores went to neither server nor load generator is "busy".
BUSY_CORES = 0.5


def read_tsv_kv(path):
    out = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if "\t" in line:
                    k, v = line.split("\t", 1)
                    out[k] = v
    return out


def read_tsv_rows(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def read_jsonl(path):
    rows = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    rows.append(json.loads(line))
    return rows


def derive(run):
    """Per-run figures from the raw counters."""
    load = run.get("load")
    if not load or not load.get("requests"):
        return None
    seconds = load["duration_us"] / 1e6
    cpu_s = run["cpu_ticks"] / run["clk_tck"]
    req = load["requests"]
    return {
        "round": run["round"],
        "scenario": run["scenario"],
        "server": run["server"],
        "requests": req,
        "rps": req / seconds,
        "cpu_us_per_req": cpu_s / req * 1e6,
        "cpu_util": cpu_s / seconds,
        "p50_ms": load["lat_p50_us"] / 1000,
        "p99_ms": load["lat_p99_us"] / 1000,
        "bytes_per_req": load["bytes"] / req,
        "status_errors": load["status_errors"],
        "socket_errors": load["connect_errors"] + load["read_errors"] + load["write_errors"] + load["timeouts"],
        "rss_kb": run["rss_kb"],
        # Machine activity outside the server and the load generator, in cores (see run.sh measure()).
        "other_cores": run.get("other_ticks", 0) / run["clk_tck"] / (run["wall_ms"] / 1000) if run.get("wall_ms") else 0.0,
        "steal_cores": run.get("steal_ticks", 0) / run["clk_tck"] / (run["wall_ms"] / 1000) if run.get("wall_ms") else 0.0,
    }


def spread(values):
    values = [v for v in values if v is not None and not math.isnan(v)]
    if not values:
        return None
    s = sorted(values)
    if len(s) >= 4:
        q = statistics.quantiles(s, n=4, method="inclusive")
        q1, q3 = q[0], q[2]
    else:
        q1, q3 = s[0], s[-1]
    return {"median": statistics.median(s), "min": s[0], "max": s[-1], "q1": q1, "q3": q3, "n": len(s)}


def aggregate(runs, scenarios, servers):
    per = {}
    for scen in scenarios:
        for srv in servers:
            rs = [r for r in runs if r["scenario"] == scen and r["server"] == srv]
            if not rs:
                continue
            per[(scen, srv)] = {
                metric: spread([r[metric] for r in rs])
                for metric in ("rps", "cpu_us_per_req", "cpu_util", "p50_ms", "p99_ms", "bytes_per_req", "rss_kb",
                               "other_cores")
            }
            per[(scen, srv)]["status_errors"] = sum(r["status_errors"] for r in rs)
            per[(scen, srv)]["socket_errors"] = sum(r["socket_errors"] for r in rs)
            per[(scen, srv)]["requests"] = sum(r["requests"] for r in rs)
    return per


def ratios(runs, scen, a, b):
    """Per-round ratios a/b for one scenario: only rounds in which both ran."""
    by = {}
    for r in runs:
        if r["scenario"] == scen and r["server"] in (a, b):
            by.setdefault(r["round"], {})[r["server"]] = r
    out = {"rps": [], "cpu_us_per_req": [], "p99_ms": []}
    for rnd in sorted(by):
        pair = by[rnd]
        if a in pair and b in pair:
            for m in out:
                if pair[b][m] > 0:
                    out[m].append(pair[a][m] / pair[b][m])
    if not out["rps"]:
        return None
    return {m: spread(v) for m, v in out.items()}


def fmt(v, digits=0):
    if v is None:
        return "n/a"
    if digits == 0:
        return f"{v:,.0f}"
    return f"{v:,.{digits}f}"


def fmt_spread(s, digits=0, key=None):
    if s is None:
        return "n/a"
    return f"{fmt(s['median'], digits)} ({fmt(s['min'], digits)}-{fmt(s['max'], digits)})"


def fmt_ratio(s):
    if s is None:
        return "n/a"
    return f"{s['median']:.2f}x [{s['min']:.2f}-{s['max']:.2f}]"


def verdict(ok):
    if ok is None:
        return "not measured"
    return "met" if ok else "MISSED"


def main(run_dir):
    meta = read_tsv_kv(os.path.join(run_dir, "meta.tsv"))
    skips = read_tsv_rows_noheader(os.path.join(run_dir, "skip.tsv"), ["server", "scenario", "reason"])
    notes = []
    notes_path = os.path.join(run_dir, "notes.txt")
    if os.path.exists(notes_path):
        with open(notes_path, encoding="utf-8") as f:
            notes = [line.strip() for line in f if line.strip()]

    runs = [d for d in (derive(r) for r in read_jsonl(os.path.join(run_dir, "runs.jsonl"))) if d]
    servers = [s for s in SERVERS if any(r["server"] == s for r in runs)]
    scenarios = [s for s in SCENARIOS if any(r["scenario"] == s for r in runs)]
    per = aggregate(runs, scenarios, servers)
    pair_ratios = {}
    for scen in scenarios:
        for a, b in PAIRS:
            r = ratios(runs, scen, a, b)
            if r:
                pair_ratios[(scen, a, b)] = r

    growth = read_growth(run_dir)
    requested = meta.get("servers", "").split()
    configs = [(srv, label) for srv, label in TARGET_CONFIGS
               if srv == "cimdhost" or srv in servers or srv in requested]
    targets = evaluate_targets(pair_ratios, growth, configs)
    warmups = read_warmups(run_dir)

    summary = {
        "meta": meta,
        "notes": notes,
        "skipped": skips,
        "servers": servers,
        "scenarios": scenarios,
        "per_server": {f"{scen}/{srv}": v for (scen, srv), v in per.items()},
        "ratios": {f"{scen}/{a}/{b}": v for (scen, a, b), v in pair_ratios.items()},
        "growth": growth,
        "targets": targets,
        "warmup": warmups,
    }
    with open(os.path.join(run_dir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2, sort_keys=False)
        f.write("\n")

    write_csv(run_dir, per, pair_ratios, growth, warmups)
    runs_meta = None
    if runs:
        others = [r["other_cores"] for r in runs]
        runs_meta = {"runs": len(runs), "busy_runs": sum(1 for o in others if o > BUSY_CORES),
                     "other_median": statistics.median(others), "other_max": max(others)}
        summary["interference"] = runs_meta
        with open(os.path.join(run_dir, "summary.json"), "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")
    write_markdown(run_dir, meta, notes, skips, servers, scenarios, per, pair_ratios, growth, targets, runs_meta,
                   warmups)
    write_plot(run_dir, meta, servers, scenarios, per)
    print(open(os.path.join(run_dir, "summary.md"), encoding="utf-8").read())


def read_tsv_rows_noheader(path, names):
    rows = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == len(names):
                    rows.append(dict(zip(names, parts)))
    return rows


def read_growth(run_dir):
    g = {}
    mem = read_tsv_kv(os.path.join(run_dir, "growth_memory.tsv"))
    if mem:
        walk = json.loads(mem["walk_load"]) if mem.get("walk_load") else None
        m = {
            "rss_warm_mb": int(mem["rss_warm_kb"]) / 1024,
            "rss_after_walk_mb": int(mem["rss_after_walk_kb"]) / 1024,
            "rss_after_walk_idle5s_mb": int(mem["rss_after_walk_idle5s_kb"]) / 1024,
            "vmhwm_mb": int(mem["vmhwm_kb"]) / 1024,
            "walk_values": int(mem["walk_values"]),
            "walk_completed": mem["walk_completed"] == "1",
        }
        m["growth_mb"] = m["rss_after_walk_mb"] - m["rss_warm_mb"]
        if walk and walk.get("requests"):
            seconds = walk["duration_us"] / 1e6
            m["walk_rps"] = walk["requests"] / seconds
            m["walk_cpu_us_per_req"] = int(mem["walk_cpu_ticks"]) / int(mem["clk_tck"]) / walk["requests"] * 1e6
            m["walk_p99_ms"] = walk["lat_p99_us"] / 1000
            m["walk_status_errors"] = walk["status_errors"]
        g["memory"] = m

    startup = read_tsv_rows(os.path.join(run_dir, "growth_startup.tsv"))
    if startup:
        sizes = {}
        for row in startup:
            sizes.setdefault(int(row["definitions"]), []).append(row)
        g["startup"] = {}
        for size, rows in sorted(sizes.items()):
            ok = [r for r in rows if r["ready_ms"]]
            g["startup"][str(size)] = {
                "ready_ms": spread([float(r["ready_ms"]) for r in ok]),
                "rss_mb": spread([int(r["rss_kb"]) / 1024 for r in ok]),
                "served": all(r["served"] == "1" for r in rows) and len(ok) == len(rows),
                "reps": len(rows),
            }

    reload_rows = read_tsv_rows(os.path.join(run_dir, "growth_reload.tsv"))
    if reload_rows:
        sizes = {}
        for row in reload_rows:
            sizes.setdefault(int(row["definitions"]), []).append(row)
        g["reload"] = {
            str(size): {
                "reload_ms": spread([float(r["reload_ms"]) for r in rows if r["reload_ms"]]),
                "timeouts": sum(1 for r in rows if not r["reload_ms"]),
            }
            for size, rows in sorted(sizes.items())
        }

    cost_runs = [d for d in (derive(r) for r in read_jsonl(os.path.join(run_dir, "growth_cost.jsonl"))) if d]
    if cost_runs:
        names = sorted({r["server"] for r in cost_runs})
        one = "cimdhost-1def"
        many = next((n for n in names if n != one), None)
        cost = {"servers": {}}
        for scen in ("cached", "spread"):
            for name in names:
                rs = [r for r in cost_runs if r["scenario"] == scen and r["server"] == name]
                if rs:
                    cost["servers"][f"{scen}/{name}"] = {
                        m: spread([r[m] for r in rs]) for m in ("rps", "cpu_us_per_req", "p99_ms")
                    }
        if many:
            cost["definitions"] = int(many.split("-")[1].replace("defs", ""))
            same = ratios_between(cost_runs, ("cached", many), ("cached", one))
            mixed = ratios_between(cost_runs, ("spread", many), ("cached", one))
            cost["same_path_ratio"] = same
            cost["spread_ratio"] = mixed
        g["cost"] = cost
    return g


def ratios_between(runs, a, b):
    by = {}
    for r in runs:
        key = (r["scenario"], r["server"])
        if key in (a, b):
            by.setdefault(r["round"], {})[key] = r
    out = {"rps": [], "cpu_us_per_req": [], "p99_ms": []}
    for rnd in sorted(by):
        pair = by[rnd]
        if a in pair and b in pair:
            for m in out:
                out[m].append(pair[a][m] / pair[b][m])
    if not out["rps"]:
        return None
    return {m: spread(v) for m, v in out.items()}


def evaluate_targets(pair_ratios, growth, configs=TARGET_CONFIGS[:1]):
    """The targets in docs/performance.md: the request targets once per CimdHost configuration in
    configs ((server, label) pairs), the growth targets for the default configuration only."""
    t = []

    def med(key, metric):
        r = pair_ratios.get(key)
        return r[metric]["median"] if r else None

    request_targets = [
        (f"documents: req/s >= {TARGET_RPS_VS_KESTREL}x bare Kestrel", "kestrel", "rps",
         lambda v: v >= TARGET_RPS_VS_KESTREL),
        (f"documents: CPU/request <= {TARGET_CPU_VS_NGINX}x nginx", "nginx", "cpu_us_per_req",
         lambda v: v <= TARGET_CPU_VS_NGINX),
        (f"documents: p99 <= {TARGET_P99_VS_NGINX}x nginx", "nginx", "p99_ms",
         lambda v: v <= TARGET_P99_VS_NGINX),
    ]
    for target, baseline, metric, ok in request_targets:
        for srv, config in configs:
            v = med(("cached", srv, baseline), metric)
            t.append({"target": target, "server": srv, "config": config, "measured": v, "unit": "x",
                      "met": None if v is None else ok(v)})
    default = dict(TARGET_CONFIGS)["cimdhost"]
    g = []
    mem = growth.get("memory")
    v = mem["growth_mb"] if mem else None
    label = f"memory: < {TARGET_GROWTH_MB} MB above warm after {mem['walk_values']:,} values" if mem else \
        f"memory: < {TARGET_GROWTH_MB} MB above warm after 1,000,000 values"
    g.append({"target": label, "measured": v, "unit": "MB",
              "met": None if v is None else (v < TARGET_GROWTH_MB and mem["walk_completed"])})
    st = growth.get("startup", {})
    biggest = max((int(k) for k in st), default=None)
    v = st[str(biggest)]["ready_ms"]["median"] if biggest and st[str(biggest)]["ready_ms"] else None
    g.append({"target": f"{biggest or 10000:,} definitions: start to ready < {TARGET_STARTUP_MS / 1000:.0f} s",
              "measured": v, "unit": "ms",
              "met": None if v is None else (v < TARGET_STARTUP_MS and st[str(biggest)]["served"])})
    cost = growth.get("cost", {})
    same = cost.get("same_path_ratio")
    if same:
        cpu = same["cpu_us_per_req"]["median"]
        rps = same["rps"]["median"]
        ok = abs(cpu - 1) <= TARGET_COST_TOLERANCE and abs(rps - 1) <= TARGET_COST_TOLERANCE
        g.append({"target": f"{cost['definitions']:,} definitions: request cost within 10% of one",
                  "measured": {"cpu_ratio": cpu, "rps_ratio": rps}, "unit": "x", "met": ok})
    else:
        g.append({"target": "10,000 definitions: request cost within 10% of one", "measured": None,
                  "unit": "x", "met": None})
    for row in g:
        row["server"] = "cimdhost"
        row["config"] = default
    return t + g


def read_warmups(run_dir):
    """warmup.tsv: one row per first warm-up (run.sh warm_until_steady); empty for older runs."""
    out = []
    for row in read_tsv_rows(os.path.join(run_dir, "warmup.tsv")):
        try:
            last = float(row["last_us_per_req"]) if row.get("last_us_per_req") else None
            windows = [None if w == "na" else float(w) for w in row.get("windows_us_per_req", "").split(",") if w]
            out.append({"server": row["server"], "scenario": row["scenario"], "when": row["when"],
                        "seconds": int(row["seconds"]), "settled": row["settled"] == "1",
                        "last_us_per_req": last, "windows_us_per_req": windows})
        except (KeyError, ValueError):
            continue
    return out


def warmup_label(name, when):
    """A warm-up row's server: the table's labels, and the growth measurements' own servers."""
    if name in SERVER_LABEL:
        label = SERVER_LABEL[name]
    elif name == "g-memory":
        label = "CimdHost (growth: memory walk)"
    elif name == "cimdhost-1def":
        label = "CimdHost, 1 definition (growth: cost)"
    elif name.startswith("cimdhost-") and name.endswith("defs"):
        label = f"CimdHost, {int(name[len('cimdhost-'):-len('defs')]):,} definitions (growth: cost)"
    else:
        label = name
    return label + (" (after a restart)" if when == "restart" else "")


def write_csv(run_dir, per, pair_ratios, growth, warmups=()):
    path = os.path.join(run_dir, "summary.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["kind", "scenario", "subject", "metric", "median", "min", "max", "q1", "q3", "n"])
        for (scen, srv), v in per.items():
            for metric in ("rps", "cpu_us_per_req", "cpu_util", "p50_ms", "p99_ms", "bytes_per_req"):
                s = v[metric]
                if s:
                    w.writerow(["server", scen, srv, metric, *(round(s[k], 4) for k in ("median", "min", "max", "q1", "q3")), s["n"]])
        for (scen, a, b), v in pair_ratios.items():
            for metric, s in v.items():
                if s:
                    w.writerow(["ratio", scen, f"{a}/{b}", metric, *(round(s[k], 4) for k in ("median", "min", "max", "q1", "q3")), s["n"]])
        mem = growth.get("memory")
        if mem:
            for k in ("rss_warm_mb", "rss_after_walk_mb", "rss_after_walk_idle5s_mb", "vmhwm_mb", "growth_mb",
                      "walk_rps", "walk_cpu_us_per_req"):
                if k in mem:
                    w.writerow(["growth", "walk", "cimdhost", k, round(mem[k], 3), "", "", "", "", 1])
        for size, v in growth.get("startup", {}).items():
            for metric in ("ready_ms", "rss_mb"):
                s = v[metric]
                if s:
                    w.writerow(["startup", f"{size} definitions", "cimdhost", metric,
                                *(round(s[k], 3) for k in ("median", "min", "max", "q1", "q3")), s["n"]])
        for size, v in growth.get("reload", {}).items():
            s = v["reload_ms"]
            if s:
                w.writerow(["reload", f"{size} definitions", "cimdhost", "reload_ms",
                            *(round(s[k], 3) for k in ("median", "min", "max", "q1", "q3")), s["n"]])
        cost = growth.get("cost", {})
        for key, label in (("same_path_ratio", "cached"), ("spread_ratio", "spread")):
            v = cost.get(key)
            if v:
                for metric, s in v.items():
                    w.writerow(["cost", label, f"{cost['definitions']}defs/1def", metric,
                                *(round(s[k], 4) for k in ("median", "min", "max", "q1", "q3")), s["n"]])
        for wu in warmups:
            for metric in ("seconds", "settled", "last_us_per_req"):
                v = wu[metric]
                if v is not None:
                    w.writerow(["warmup", f"{wu['scenario']} ({wu['when']})", wu["server"], metric,
                                int(v) if isinstance(v, bool) else v, "", "", "", "", 1])


def write_markdown(run_dir, meta, notes, skips, servers, scenarios, per, pair_ratios, growth, targets, runs_meta,
                   warmups=()):
    L = []
    quick = meta.get("quick") == "1"
    L.append(f"# Benchmark summary{' (quick smoke run: not for quoting)' if quick else ''}")
    L.append("")
    L.append(f"Run {meta.get('date_utc', '?')} on {meta.get('cpu_model', '?')} (kernel {meta.get('kernel', '?')}); "
             f"servers pinned to core {meta.get('server_cpu')}, load generator to core {meta.get('load_cpu')}. "
             f"{meta.get('rounds')} interleaved rounds of {meta.get('duration_s')} s per server and scenario, "
             f"{meta.get('connections')} connections, after an unmeasured warm-up ({warmup_words(meta)}). "
             f"CimdHost revision: {meta.get('cimdhost_revision')}. "
             f".NET SDK {meta.get('dotnet')} (ASP.NET Core {meta.get('aspnetcore')}), nginx {meta.get('nginx')}, "
             f"Ruby {meta.get('ruby')} with Sinatra {meta.get('sinatra')} on puma {meta.get('puma')}, wrk {meta.get('wrk')}. "
             f"Whole run: {meta.get('elapsed_s')} s.")
    L.append("")
    L.append("Figures are medians over rounds, with (min-max) over rounds. CPU is the server process's own "
             "user+system time (from /proc) divided by the requests the load generator completed; "
             "'core' is that CPU time over the run's wall time (1.00 = the server's one core was saturated); "
             "'other' is the CPU, in cores, that neither the server nor the load generator used during the run "
             "(kernel networking not charged to either, plus anything else running on the machine).")
    if runs_meta:
        L.append("")
        L.append(f"Interference: in {runs_meta['busy_runs']} of {runs_meta['runs']} measured runs something else used "
                 f"more than {BUSY_CORES} of a core (median 'other' {runs_meta['other_median']:.2f}, max "
                 f"{runs_meta['other_max']:.2f} cores); the harness waited {meta.get('quiet_wait_s', '0')} s in all "
                 f"for a quiet machine; servers restarted: {meta.get('restarts', '0')}.")
    L.append("")
    L.append("## Per server")
    L.append("")
    L.append("| scenario | server | req/s | CPU us/request | core | p50 ms | p99 ms | bytes/resp | 4xx/5xx | other |")
    L.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for scen in scenarios:
        for srv in servers:
            v = per.get((scen, srv))
            if not v:
                continue
            L.append(f"| {SCENARIO_LABEL[scen]} | {SERVER_LABEL[srv]} | {fmt_spread(v['rps'])} | "
                     f"{fmt_spread(v['cpu_us_per_req'], 1)} | {fmt(v['cpu_util']['median'], 2)} | "
                     f"{fmt(v['p50_ms']['median'], 2)} | {fmt_spread(v['p99_ms'], 2)} | "
                     f"{fmt(v['bytes_per_req']['median'])} | {share(v['status_errors'], v['requests'])} | "
                     f"{fmt(v['other_cores']['median'], 2)} |")
    L.append("")
    if pair_ratios:
        L.append("## Ratios (median of per-round ratios [min-max])")
        L.append("")
        L.append("| scenario | pair | req/s | CPU/request | p99 |")
        L.append("|---|---|---:|---:|---:|")
        for scen in scenarios:
            for a, b in PAIRS:
                r = pair_ratios.get((scen, a, b))
                if r:
                    L.append(f"| {SCENARIO_LABEL[scen]} | {SERVER_LABEL[a]} / {SERVER_LABEL[b]} | {fmt_ratio(r['rps'])} | "
                             f"{fmt_ratio(r['cpu_us_per_req'])} | {fmt_ratio(r['p99_ms'])} |")
        L.append("")
    write_warmup_md(L, meta, warmups)
    L.append("## Targets")
    L.append("")
    L.append("| target | CimdHost | measured | verdict |")
    L.append("|---|---|---:|---|")
    for t in targets:
        m = t["measured"]
        if isinstance(m, dict):
            shown = f"CPU {m['cpu_ratio']:.2f}x, req/s {m['rps_ratio']:.2f}x"
        elif m is None:
            shown = "n/a"
        elif t["unit"] == "x":
            shown = f"{m:.2f}x"
        elif t["unit"] == "MB":
            shown = f"{m:+.1f} MB"
        else:
            shown = f"{m:,.0f} ms"
        L.append(f"| {t['target']} | {t.get('config', '')} | {shown} | {verdict(t['met'])} |")
    L.append("")
    write_growth_md(L, growth)
    if skips or notes:
        L.append("## Not measured, and notes")
        L.append("")
        for s in skips:
            L.append(f"- {SERVER_LABEL.get(s['server'], s['server'])}, {SCENARIO_LABEL.get(s['scenario'], s['scenario'])}: {s['reason']}")
        for n in notes:
            L.append(f"- {n}")
        L.append("")
    with open(os.path.join(run_dir, "summary.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L))


def warmup_words(meta):
    if "warmup_max_s" not in meta:  # runs before the warm-up ran until steady
        return f"{meta.get('warmup_first_s')} s per server, {meta.get('warmup_s')} s per further scenario"
    return (f"per server until its CPU per request settled, {meta.get('warmup_first_s')} s at least and "
            f"{meta.get('warmup_max_s')} s at most, see Warm-up; then {meta.get('warmup_s')} s per further scenario")


def write_warmup_md(L, meta, warmups):
    if not warmups:
        return
    L.append("## Warm-up")
    L.append("")
    L.append(f"Each server's first warm-up ran in {meta.get('warmup_window_s', '?')} s windows, CPU per request "
             f"measured per window, until three consecutive windows were within {meta.get('warmup_steady_pct', '?')}% "
             f"of each other after at least {meta.get('warmup_first_s', '?')} s, or for {meta.get('warmup_max_s', '?')} s "
             f"at most (then settled says no). The interleaved rounds that follow keep every server under load, so "
             f"later rounds also see it warmer.")
    L.append("")
    L.append("| server | load | seconds | settled | last window, us CPU/request |")
    L.append("|---|---|---:|---|---:|")
    for wu in warmups:
        L.append(f"| {warmup_label(wu['server'], wu['when'])} | {WARMUP_LOAD_LABEL.get(wu['scenario'], wu['scenario'])} | "
                 f"{wu['seconds']} | {'yes' if wu['settled'] else 'no'} | {fmt(wu['last_us_per_req'], 1)} |")
    L.append("")


def share(errors, requests):
    if not requests:
        return "n/a"
    return f"{errors / requests:.0%}"


def write_growth_md(L, growth):
    if not growth:
        L.append("## CimdHost growth")
        L.append("")
        L.append("Not measured in this run.")
        L.append("")
        return
    L.append("## CimdHost growth (compared with itself)")
    L.append("")
    mem = growth.get("memory")
    if mem:
        L.append(f"Memory: VmRSS {mem['rss_warm_mb']:.1f} MB warm; {mem['rss_after_walk_mb']:.1f} MB right after "
                 f"{mem['walk_values']:,} distinct instance values ({mem['growth_mb']:+.1f} MB), "
                 f"{mem['rss_after_walk_idle5s_mb']:.1f} MB after 5 s idle; peak (VmHWM) {mem['vmhwm_mb']:.1f} MB."
                 + ("" if mem["walk_completed"] else " The walk did not finish in time."))
        if "walk_rps" in mem:
            L.append(f"The walk (every value new to the server) ran at {mem['walk_rps']:,.0f} req/s, "
                     f"{mem['walk_cpu_us_per_req']:.1f} us CPU/request, p99 {mem['walk_p99_ms']:.2f} ms.")
        L.append("")
    st = growth.get("startup")
    if st:
        L.append("| definitions | start to /readyz 200, ms (min-max) | VmRSS at ready, MB | all served |")
        L.append("|---:|---:|---:|---|")
        for size, v in st.items():
            L.append(f"| {int(size):,} | {fmt_spread(v['ready_ms'])} | {fmt_spread(v['rss_mb'], 1)} | "
                     f"{'yes' if v['served'] else 'NO'} |")
        L.append("")
    rl = growth.get("reload")
    if rl:
        L.append("| definitions | one file rewritten -> change served, ms (min-max) | timeouts |")
        L.append("|---:|---:|---:|")
        for size, v in rl.items():
            L.append(f"| {int(size):,} | {fmt_spread(v['reload_ms'])} | {v['timeouts']} |")
        L.append("")
    cost = growth.get("cost")
    if cost and cost.get("same_path_ratio"):
        n = cost["definitions"]
        L.append(f"Request cost with {n:,} definitions loaded, against 1 (median of per-round ratios [min-max]):")
        L.append("")
        L.append("| requests | req/s | CPU/request | p99 |")
        L.append("|---|---:|---:|---:|")
        s = cost["same_path_ratio"]
        L.append(f"| /client.json (same client) | {fmt_ratio(s['rps'])} | {fmt_ratio(s['cpu_us_per_req'])} | {fmt_ratio(s['p99_ms'])} |")
        s = cost.get("spread_ratio")
        if s:
            L.append(f"| random client of the {n:,} | {fmt_ratio(s['rps'])} | {fmt_ratio(s['cpu_us_per_req'])} | {fmt_ratio(s['p99_ms'])} |")
        L.append("")


def write_plot(run_dir, meta, servers, scenarios, per):
    """Two panels, req/s and CPU/request, one cluster per scenario, min-max error bars."""
    dat = os.path.join(run_dir, "plot.dat")
    with open(dat, "w", encoding="utf-8") as f:
        f.write("# scenario " + " ".join(f"{s}_med {s}_min {s}_max" for s in servers) + "\n")
        for metric in ("rps", "cpu_us_per_req"):
            for scen in scenarios:
                cols = []
                for srv in servers:
                    v = per.get((scen, srv))
                    s = v[metric] if v else None
                    cols += [f"{s['median']:.3f}", f"{s['min']:.3f}", f"{s['max']:.3f}"] if s else ["-", "-", "-"]
                f.write(f"\"{PLOT_LABEL[scen]}\" " + " ".join(cols) + "\n")
            f.write("\n\n")
    png = os.path.join(run_dir, "performance.png")
    title = f"CimdHost benchmark {meta.get('date_utc', '')[:10]}" + (" (quick run)" if meta.get("quick") == "1" else "")
    colors = {"cimdhost": "#1f77b4", "cimdhost-nocache": "#9ecae1", "nginx": "#2ca02c", "kestrel": "#ff7f0e",
              "sinatra": "#d62728"}
    plots = []
    for i, srv in enumerate(servers):
        c = 2 + 3 * i
        xt = ":xtic(1)" if i == 0 else ""
        plots.append(f"'{dat}' index IDX using {c}:{c + 1}:{c + 2}{xt} title '{SERVER_LABEL[srv]}' lc rgb '{colors[srv]}'")
    body = ", ".join(plots)
    script = f"""
set terminal pngcairo size 1400,600 font 'sans,10'
set output '{png}'
set datafile missing '-'
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set key outside bottom center horizontal
set multiplot layout 1,2 title '{title}: medians of {meta.get('rounds')} rounds, bars show min-max; log scale'
set logscale y
set title 'requests per second (higher is better)'
set ylabel 'req/s'
set format y '%.0s%c'
set yrange [100:*]
plot {body.replace('IDX', '0')}
set title 'server CPU time per request (lower is better)'
set ylabel 'microseconds'
set format y '%g'
set yrange [1:*]
plot {body.replace('IDX', '1')}
unset multiplot
"""
    gp = os.path.join(run_dir, "plot.gp")
    with open(gp, "w", encoding="utf-8") as f:
        f.write(script)
    subprocess.run(["gnuplot", gp], check=True)


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0)
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        print("usage: analyze.py RESULTS_DIR", file=sys.stderr)
        sys.exit(2)
    if not os.path.isfile(os.path.join(sys.argv[1], "runs.jsonl")):
        print(f"analyze.py: {sys.argv[1]} has no runs.jsonl (not a bench/run.sh results folder, or a copied "
              "summary such as results/latest)", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
