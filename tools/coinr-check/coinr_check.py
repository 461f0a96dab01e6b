#!/usr/bin/env python3
"""Independent re-implementation of COINr 1.1.14 composite-index semantics (standard library only).

Written from the specification only -- docs/reference/composite-methods.md sections 3.1-3.6 and
the bug list in section 4, kpi-io/src/test/resources/coinr-asem/README.md and the command contract
(docs/cli.md) -- without looking at the Java engine, so that it can check `citykpi index`
independently. --peer defaults to COINr's ASEM example in kpi-io/src/test/resources/coinr-asem.

Sub-commands:

  selftest  [--peer DIR]                     reproduce COINr's two reference pipelines (rel 1e-12)
  index     --data F --meta F [options]      write unit,code,level,value,rank[,period] like citykpi
  compare   EXPECTED.csv ACTUAL.csv [--tol]  compare two such files by key (rel tol, ranks exact)
  matrix    [--citykpi ./citykpi] [--peer DIR] [--only NAME,...] [--keep DIR]
                                             run the pipeline matrix through both and report

`index` options mirror `citykpi index`: --normalise METHOD[:a,b], --aggregate METHOD[:p],
--min-coverage F, --denominate, --denominators FILE, --impute mean|median|mean:G|median:G,
--screen F, --treat winsorise[:winmax], --scope per-period|pooled. Where COINr has a documented bug
(section 4) the corrected behaviour is the default; --coinr-bugs reproduces COINr literally
(generalised mean NA on any missing child, fracmax x'/max for Direction -1, hand-passed scaled
bounds not flipped for Direction -1).
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

NA = None


class IndexError_(Exception):
    """A pipeline error that COINr raises (or that the corrected engine must raise)."""


# ----------------------------------------------------------------------------------------- input


def num(s):
    s = s.strip()
    if s == "" or s.upper() == "NA":
        return NA
    return float(s)


def read_table(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    return head, [dict(zip(head, r)) for r in rows[1:] if r]


class Node:
    def __init__(self, row):
        self.code = row["iCode"]
        self.level = int(row["Level"])
        self.parent = row.get("Parent", "NA")
        if self.parent in ("", "NA"):
            self.parent = None
        d = row.get("Direction", "1")
        self.direction = 1 if d in ("", "NA") else int(float(d))
        w = row.get("Weight", "1")
        self.weight = 1.0 if w in ("", "NA") else float(w)
        self.target = num(row.get("Target", "NA") or "NA")
        den = row.get("Denominator", "NA")
        self.denominator = None if den in ("", "NA", None) else den
        self.gp_lower = num(row.get("goalpost_lower", "NA") or "NA")
        self.gp_upper = num(row.get("goalpost_upper", "NA") or "NA")
        self.gp_scale = num(row.get("goalpost_scale", "NA") or "NA")
        t = row.get("goalpost_trunc2posts", "NA")
        self.gp_trunc = True if t in ("", "NA", None) else t.upper() == "TRUE"
        c = row.get("dist2targ_cap_max", "NA")
        self.cap_max = False if c in ("", "NA", None) else c.upper() == "TRUE"


class Meta:
    def __init__(self, path):
        _, rows = read_table(path)
        self.nodes = [Node(r) for r in rows if r.get("Type") in ("Indicator", "Aggregate")]
        self.by_code = {n.code: n for n in self.nodes}
        self.indicators = [n for n in self.nodes if n.level == 1]
        self.max_level = max(n.level for n in self.nodes)
        self.group_cols = [r["iCode"] for r in rows if r.get("Type") == "Group"]

    def children(self, code):
        return [n for n in self.nodes if n.parent == code]


def read_data(path, meta):
    _, rows = read_table(path)
    units = []
    for r in rows:
        u = {"uCode": r["uCode"], "Time": r.get("Time"), "raw": r}
        u["x"] = {n.code: num(r[n.code]) for n in meta.indicators}
        units.append(u)
    return units


# ---------------------------------------------------------------------------------- statistics


def col(units, code):
    return [u["x"][code] for u in units]


def present(v):
    return [a for a in v if a is not NA]


def mean(v):
    # R's mean: an extended-precision sum divided before it is rounded (here: exactly, then rounded once)
    return float(sum(Fraction(a) for a in v) / len(v))


def sd(v):
    # R's sd: each squared deviation from the (rounded) mean rounded, the sum divided before rounding
    m = mean(v)
    return math.sqrt(float(sum(Fraction((a - m) ** 2) for a in v) / (len(v) - 1)))


def median(v):
    s = sorted(v)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def skew2(v):
    """e1071 type-2 sample skewness (NA removed)."""
    n = len(v)
    m = mean(v)
    # COINr's skew (R/treat.R), in its order: sqrt(n)*sum(d^3)/(sum(d^2)^(3/2))*sqrt(n(n-1))/(n-2)
    y = math.sqrt(n) * math.fsum((a - m) ** 3 for a in v) / math.fsum((a - m) * (a - m) for a in v) ** 1.5
    return y * math.sqrt(n * (n - 1)) / (n - 2)


def kurt2(v):
    """e1071 type-2 sample excess kurtosis (NA removed)."""
    n = len(v)
    m = mean(v)
    # COINr's kurt (R/treat.R), in its order: r = n*sum(d^4)/(sum(d^2)^2)
    s2 = math.fsum((a - m) * (a - m) for a in v)
    r = n * math.fsum((a - m) ** 4 for a in v) / (s2 * s2)
    return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))


def rank_min(values, descending):
    """R rank(ties='min', na.last='keep'); descending=True ranks the largest 1."""
    out = [NA] * len(values)
    for i, a in enumerate(values):
        if a is NA:
            continue
        if descending:
            out[i] = 1 + sum(1 for b in values if b is not NA and b > a)
        else:
            out[i] = 1 + sum(1 for b in values if b is not NA and b < a)
    return out


# ------------------------------------------------------------------------------------ pipeline


def denominate(units, meta, denoms):
    """COINr Denominate: x / denominator (by uCode when an external table is given)."""
    denom_cols = set(next(iter(denoms.values())).keys()) if denoms else set()
    for n in meta.indicators:
        if n.denominator is None:
            continue
        for u in units:
            if denoms is not None:
                row = denoms.get(u["uCode"])
                if n.denominator in denom_cols:
                    d = NA if row is None else num(row[n.denominator])
                else:  # not in the table: the iData column of that name (as citykpi reports)
                    d = num(u["raw"][n.denominator])
            else:
                d = num(u["raw"][n.denominator])
            x = u["x"][n.code]
            u["x"][n.code] = NA if x is NA or d is NA else x / d


def impute_panel(units, meta, how):
    """Per unit and indicator over Time: latest = last observation carried forward (leading gaps
    stay missing); linear = stats::approx(rule = 2): linear inside, constant beyond the ends."""
    by = {}
    for u in units:
        by.setdefault(u["uCode"], []).append(u)
    for rows in by.values():
        rows.sort(key=lambda u: float(u["Time"]))
        t = [float(u["Time"]) for u in rows]
        for n in meta.indicators:
            x = [u["x"][n.code] for u in rows]
            obs = [i for i, a in enumerate(x) if a is not NA]
            if not obs:
                continue
            for i, a in enumerate(x):
                if a is not NA:
                    continue
                if how == "latest":
                    prev = [j for j in obs if j < i]
                    if prev:
                        rows[i]["x"][n.code] = x[prev[-1]]
                else:
                    lo = [j for j in obs if j < i]
                    hi = [j for j in obs if j > i]
                    if not lo:
                        rows[i]["x"][n.code] = x[hi[0]]
                    elif not hi:
                        rows[i]["x"][n.code] = x[lo[-1]]
                    else:
                        a0, a1 = lo[-1], hi[0]
                        f = (t[i] - t[a0]) / (t[a1] - t[a0])
                        rows[i]["x"][n.code] = x[a0] + f * (x[a1] - x[a0])


def impute(units, meta, method):
    how, _, group = method.partition(":")
    f = {"mean": mean, "median": median}[how]
    for n in meta.indicators:
        if group:
            keys = sorted({u["raw"][group] for u in units})
            fill = {}
            for k in keys:
                v = present([u["x"][n.code] for u in units if u["raw"][group] == k])
                fill[k] = f(v) if v else NA
            for u in units:
                if u["x"][n.code] is NA:
                    u["x"][n.code] = fill[u["raw"][group]]
        else:
            v = present(col(units, n.code))
            fv = f(v) if v else NA
            for u in units:
                if u["x"][n.code] is NA:
                    u["x"][n.code] = fv


def screen(units, meta, thresh):
    keep = []
    k = len(meta.indicators)
    for u in units:
        nna = sum(1 for n in meta.indicators if u["x"][n.code] is NA)
        if 1 - nna / k >= thresh:
            keep.append(u)
    return keep


def sk_pass(v):
    return abs(skew2(v)) < 2 or kurt2(v) < 3.5


def winsorise_column(x, winmax):
    """COINr Treat default: winsorise until the skew/kurtosis test passes, else log_CT."""
    v = present(x)
    if len(v) < 4 or sk_pass(v):
        return x
    y = list(x)
    winz = set()
    while True:
        v = present(y)
        s = skew2(v)
        if s >= 0:
            ext = max(v)
            idx = [i for i, a in enumerate(y) if a is not NA and a == ext]
            nxt = max(a for a in v if a != ext)
        else:
            ext = min(v)
            idx = [i for i, a in enumerate(y) if a is not NA and a == ext]
            nxt = min(a for a in v if a != ext)
        for i in idx:
            y[i] = nxt
            winz.add(i)
        if sk_pass(present(y)) or len(winz) >= winmax:
            break
    if sk_pass(present(y)):
        return y
    lo, hi = min(present(x)), max(present(x))
    return [NA if a is NA else math.log(a - lo + 0.01 * (hi - lo)) for a in x]


def treat(units, meta, method):
    how, _, p = method.partition(":")
    if how != "winsorise":
        raise SystemExit(f"treat {method} not implemented in the checker")
    winmax = int(p) if p else 5
    for n in meta.indicators:
        y = winsorise_column(col(units, n.code), winmax)
        for u, a in zip(units, y):
            u["x"][n.code] = a


def normalise_column(x, node, method, params, bugs):
    d = node.direction
    xp = [NA if a is NA else d * a for a in x]
    v = present(xp)
    if method == "none":
        return xp
    if method in ("minmax", "dist2max"):
        lo, hi = min(v), max(v)
        if hi == lo:
            raise IndexError_(f"indicator {node.code} is constant")
        if method == "dist2max":
            # COINr's n_dist2max: 1 - (max - x')/(max - min) (composite-methods.md 3.2); the same
            # on paper as min-max to [0, 1] but it rounds differently, which decides near-ties
            return [NA if a is NA else 1 - (hi - a) / (hi - lo) for a in xp]
        l, u = params
        return [NA if a is NA else (a - lo) / (hi - lo) * (u - l) + l for a in xp]
    if method == "zscore":
        m, s = params
        mu, sdev = mean(v), sd(v)
        if sdev == 0:
            raise IndexError_(f"indicator {node.code} is constant")
        return [NA if a is NA else (a - mu) / sdev * s + m for a in xp]
    if method == "goalposts":
        lo, hi, sc = node.gp_lower, node.gp_upper, node.gp_scale
        if d < 0:  # use_iMeta: posts flipped, c(-U, -L, a)
            lo, hi = -hi, -lo
        out = []
        for a in xp:
            if a is NA:
                out.append(NA)
                continue
            y = (a - lo) / (hi - lo)
            if node.gp_trunc:
                y = min(1.0, max(0.0, y))
            out.append(y * sc)
        return out
    if method == "dist2targ":
        t = node.target * d
        lo = min(v)
        out = []
        for a in xp:
            if a is NA:
                out.append(NA)
                continue
            # COINr's n_dist2targ on x' = d*x with the target d*T, as R/normalise.R computes it:
            # (x' - min x')/(T' - min x')
            y = (a - lo) / (t - lo)
            if node.cap_max and y > 1:
                y = 1.0
            out.append(y)
        return out
    if method == "fracmax":
        if d > 0 or bugs:
            mx = max(v)
            return [NA if a is NA else a / mx for a in xp]
        # corrected Direction -1: fraction of the best (smallest) value, min(x)/x
        nat = [-a for a in v]
        best = min(nat)
        if best <= 0:
            raise IndexError_(f"fracmax: indicator {node.code} (Direction -1) has a value {best} <= 0")
        return [NA if a is NA else best / (-a) for a in xp]
    if method == "scaled":
        l, u = params
        if d < 0 and not bugs:  # natural-unit bounds flipped as COINr does with use_iMeta
            l, u = -u, -l
        return [NA if a is NA else (a - l) / (u - l) * 100 for a in xp]
    if method in ("rank", "borda", "prank"):
        r = rank_min(xp, descending=False)
        if method == "rank":
            return [NA if a is NA else float(a) for a in r]
        if method == "borda":
            return [NA if a is NA else float(a - 1) for a in r]
        return [NA if a is NA else (a - 1) / (len(v) - 1) for a in r]
    raise SystemExit(f"unknown normaliser {method}")


def parse_method(spec, defaults):
    name, _, p = spec.partition(":")
    params = tuple(float(t) for t in p.split(",")) if p else defaults.get(name, ())
    return name, params


def aggregate_row(xs, ws, method, p, bugs, code, ucode):
    pairs = [(x, w) for x, w in zip(xs, ws) if x is not NA]
    if method == "generalised" and bugs and len(pairs) < len(xs):
        return NA
    if not pairs:
        return NA
    sw = math.fsum(w for _, w in pairs)
    if method == "arithmetic":
        # COINr's a_amean: w <- w/sum(w); sum(w*x) (weights rescaled first, then summed)
        return math.fsum((w / sw) * x for x, w in pairs)
    if method == "geometric":
        for x, _ in pairs:
            if x <= 0:
                raise IndexError_(f"geometric mean of {code}: a child is {x} for {ucode}")
        return math.exp(math.fsum(w * math.log(x) for x, w in pairs) / sw)
    if method == "harmonic":
        for x, _ in pairs:
            # COINr rejects only 0; citykpi rejects zeros *and* negatives
            if x == 0 or (x < 0 and not bugs):
                raise IndexError_(f"harmonic mean of {code}: a child is {x} for {ucode}")
        return sw / math.fsum(w / x for x, w in pairs)
    if method == "generalised":
        if not bugs and any(x < 0 or (x == 0 and p < 0) for x, _ in pairs):
            raise IndexError_(f"generalised mean (p={p}) of {code}: a child is <= 0 for {ucode}")
        return (math.fsum(w * x**p for x, w in pairs) / sw) ** (1 / p)
    raise SystemExit(f"unknown aggregator {method}")


def copeland(rows, ws, bugs):
    """Copeland scores of the units (rows) of one group, in COINr's order of operations
    (R/aggregate.R, outrankMatrix and a_copeland): weights rescaled to sum to 1, o_jk = sum of w
    where x_j > x_k + (sum of w where x_j = x_k)/2 for j < k (units in uCode order), o_kj = 1 - o_jk,
    s_jk = +1 / 0 / -1 as o_jk >, =, < 1/2 (as rounded), score sum_k s_jk.

    Default: the weights are rescaled over the children both units have (COINr's over all children,
    which is the same when nothing is missing).

    bugs=True: the literal COINr -- w rescaled over all children, NA comparisons contribute nothing
    (so a missing value counts as a loss against units sorted after and a win against units sorted
    before).
    """
    n = len(rows)
    s_all = math.fsum(ws)
    o = [[NA] * n for _ in range(n)]
    for j in range(n - 1):
        for k in range(j + 1, n):
            both = [(wi, a, b) for wi, a, b in zip(ws, rows[j], rows[k]) if a is not NA and b is not NA]
            s = s_all if bugs else math.fsum(wi for wi, _, _ in both)
            if s == 0:
                o[j][k] = o[k][j] = 0.5
                continue
            gt = [wi / s for wi, a, b in both if a > b]
            eq = [wi / s for wi, a, b in both if a == b]
            o[j][k] = math.fsum(gt) + math.fsum(eq) / 2
            o[k][j] = 1 - o[j][k]
    out = []
    for j in range(n):
        sc = 0
        for k in range(n):
            if j != k:
                sc += 1 if o[j][k] > 0.5 else (-1 if o[j][k] < 0.5 else 0)
        out.append(float(sc))
    return out


def aggregate(units, meta, method, p, thresh, bugs):
    """Level by level; each unit's values in u['v'] (code -> value)."""
    for lev in range(2, meta.max_level + 1):
        parents = sorted(n.code for n in meta.nodes if n.level == lev)
        for pc in parents:
            ch = [c for c in meta.children(pc) if c.level == lev - 1]
            ws = [c.weight for c in ch]
            if method == "copeland":
                rows = [[u["v"][c.code] for c in ch] for u in units]
                vals = copeland(rows, ws, bugs)
            else:
                vals = [aggregate_row([u["v"][c.code] for c in ch], ws, method, p, bugs, pc, u["uCode"])
                        for u in units]
            for u, a in zip(units, vals):
                if thresh is not None:
                    nn = sum(1 for c in ch if u["v"][c.code] is not NA)
                    if nn / len(ch) < thresh:
                        a = NA
                if method == "copeland" and all(u["v"][c.code] is NA for c in ch):
                    a = NA if not bugs else a
                u["v"][pc] = a


def build(units, meta, opts, pooled_stats_units=None):
    """Run one coin (one period or a cross-section). Returns units with u['v'] filled."""
    nm, npar = parse_method(opts.normalise, {"minmax": (0.0, 100.0), "zscore": (0.0, 1.0)})
    am, apar = parse_method(opts.aggregate, {})
    p = apar[0] if apar else None
    stats_units = pooled_stats_units if pooled_stats_units is not None else units
    for u in units:
        u["v"] = {}
    for n in meta.indicators:
        # normalise over stats_units (pooled panel: all periods), then read back this coin's rows
        allx = col(stats_units, n.code)
        y = normalise_column(allx, n, nm, npar, opts.coinr_bugs)
        ymap = {id(u): a for u, a in zip(stats_units, y)}
        for u in units:
            u["v"][n.code] = ymap[id(u)]
    aggregate(units, meta, am, p, opts.min_coverage, opts.coinr_bugs)
    return units


def run_index(opts):
    meta = Meta(opts.meta)
    units = read_data(opts.data, meta)
    denoms = None
    if opts.denominators:
        _, rows = read_table(opts.denominators)
        denoms = {r["uCode"]: r for r in rows}
    periods = sorted({u["Time"] for u in units if u["Time"] not in (None, "", "NA")})
    panel = len(periods) > 1
    coins = [[u for u in units if u["Time"] == t] for t in periods] if panel else [units]
    if opts.impute in ("latest", "linear"):
        if opts.denominate or denoms is not None:
            denominate(units, meta, denoms)
        impute_panel(units, meta, opts.impute)
    prepared = []
    for c in coins:
        if (opts.denominate or denoms is not None) and opts.impute not in ("latest", "linear"):
            denominate(c, meta, denoms)
        if opts.impute and opts.impute not in ("latest", "linear"):
            impute(c, meta, opts.impute)
        if opts.screen is not None:
            c = screen(c, meta, opts.screen)
        if opts.treat:
            treat(c, meta, opts.treat)
        prepared.append(c)
    out = []
    pooled = [u for c in prepared for u in c] if opts.scope == "pooled" else None
    for c in prepared:
        build(c, meta, opts, pooled)
        codes = [n.code for n in meta.nodes]
        rk = {}
        for code in codes:
            r = rank_min([u["v"][code] for u in c], descending=True)
            for u, a in zip(c, r):
                rk[(u["uCode"], code)] = a
        for u in sorted(c, key=lambda u: u["uCode"]):
            for n in sorted(meta.nodes, key=lambda n: n.level):
                out.append((u["uCode"], n.code, n.level, u["v"][n.code], rk[(u["uCode"], n.code)],
                            u["Time"] if panel else None))
    return out, panel


def fmt(a):
    return "" if a is NA else "%.17g" % a


def write_rows(rows, panel, f):
    f.write("unit,code,level,value,rank" + (",period" if panel else "") + "\n")
    for r in rows:
        line = [r[0], r[1], str(r[2]), fmt(r[3]), "" if r[4] is NA else str(r[4])]
        if panel:
            line.append(r[5])
        f.write(",".join(line) + "\n")


# ----------------------------------------------------------------------------------- comparing


def read_result(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rd = csv.DictReader(f)
        out = {}
        for r in rd:
            key = (r["unit"], r["code"], r.get("period") or "")
            out[key] = (r["level"], num(r["value"]), r["rank"])
        return out


def close(a, b, tol):
    if a is NA or b is NA:
        return a is b
    return abs(a - b) <= tol * max(abs(a), abs(b)) or abs(a - b) <= 1e-13


def compare(exp, got, tol, limit=20):
    """Returns a list of discrepancy strings (empty if they agree)."""
    bad = []
    for k in sorted(set(exp) | set(got)):
        if k not in got:
            bad.append(f"{k}: missing from actual (expected {exp[k]})")
            continue
        if k not in exp:
            bad.append(f"{k}: unexpected row {got[k]}")
            continue
        (le, ve, re_), (lg, vg, rg) = exp[k], got[k]
        if le != lg or not close(ve, vg, tol) or re_ != rg:
            bad.append(f"{k}: expected level={le} value={ve} rank={re_}; actual level={lg} value={vg} rank={rg}")
    return bad


# ------------------------------------------------------------------------------------ selftest


def selftest(peer):
    ok = True
    for name, norm in (("minmax_amean", "minmax"), ("zscore_amean", "zscore:0,1")):
        opts = index_parser().parse_args(["--data", os.path.join(peer, "input/ASEM_iData.csv"),
                                          "--meta", os.path.join(peer, "input/ASEM_iMeta.csv"),
                                          "--normalise", norm])
        rows, _ = run_index(opts)
        got = {(r[0], r[1]): r for r in rows}
        ref = os.path.join(peer, "reference", name)
        worst = 0.0
        n = 0
        for fname, what in (("normalised.csv", "value"), ("aggregated.csv", "value"), ("ranks.csv", "rank")):
            head, table = read_table(os.path.join(ref, fname))
            for t in table:
                for c in head[1:]:
                    g = got[(t["uCode"], c)]
                    want = num(t[c])
                    n += 1
                    if what == "rank":
                        if (g[4] is NA) != (want is NA) or (want is not NA and g[4] != int(want)):
                            print(f"{name} rank {t['uCode']} {c}: ours {g[4]} COINr {t[c]}")
                            ok = False
                    else:
                        if (want is NA) != (g[3] is NA):
                            print(f"{name} {fname} {t['uCode']} {c}: ours {g[3]} COINr {t[c]}")
                            ok = False
                        elif want is not NA:
                            e = abs(want - g[3]) / max(abs(want), 1e-300) if want != g[3] else 0.0
                            if e > 1e-12 and abs(want - g[3]) > 1e-15:
                                print(f"{name} {fname} {t['uCode']} {c}: ours {g[3]!r} COINr {t[c]} rel {e:.3g}")
                                ok = False
                            if abs(want) > 1e-9:
                                worst = max(worst, e)
        print(f"{name}: {n} values/ranks compared, worst relative error {worst:.3g}")
    print("selftest", "PASSED" if ok else "FAILED")
    return ok


# -------------------------------------------------------------------------------------- matrix


def pipelines(peer):
    i = os.path.join(peer, "input")
    base = ["--data", f"{i}/ASEM_iData.csv", "--meta", f"{i}/ASEM_iMeta.csv"]
    w = ["--data", f"{i}/ASEM_iData.csv", "--meta", f"{i}/ASEM_iMeta_weighted.csv"]
    gp = ["--data", f"{i}/ASEM_iData.csv", "--meta", f"{i}/ASEM_iMeta_goalposts.csv"]
    dt = ["--data", f"{i}/ASEM_iData.csv", "--meta", f"{i}/ASEM_iMeta_dist2targ.csv"]
    pn = ["--data", f"{i}/ASEM_iData_p.csv", "--meta", f"{i}/ASEM_iMeta.csv"]
    P = {}
    P["minmax_amean"] = base
    P["zscore_amean"] = base + ["--normalise", "zscore:0,1"]
    P["weighted_minmax"] = w
    P["weighted_zscore"] = w + ["--normalise", "zscore:10,2"]
    P["goalposts"] = gp + ["--normalise", "goalposts"]
    P["goalposts_weighted_geo"] = gp + ["--normalise", "goalposts"]
    del P["goalposts_weighted_geo"]
    P["dist2targ_capped"] = dt + ["--normalise", "dist2targ"]
    P["dist2targ_uncapped"] = base + ["--normalise", "dist2targ"]
    P["minmax_1_100"] = base + ["--normalise", "minmax:1,100"]
    P["minmax_m1_1"] = base + ["--normalise", "minmax:-1,1"]
    P["zscore_10_2"] = base + ["--normalise", "zscore:10,2"]
    P["rank"] = base + ["--normalise", "rank"]
    P["prank"] = base + ["--normalise", "prank"]
    P["borda"] = base + ["--normalise", "borda"]
    P["dist2max"] = base + ["--normalise", "dist2max"]
    P["fracmax"] = base + ["--normalise", "fracmax"]
    P["scaled_0_10"] = base + ["--normalise", "scaled:0,10"]
    P["none"] = base + ["--normalise", "none"]
    P["geometric_1_100"] = base + ["--normalise", "minmax:1,100", "--aggregate", "geometric"]
    P["harmonic_1_100"] = base + ["--normalise", "minmax:1,100", "--aggregate", "harmonic"]
    P["weighted_geometric"] = w + ["--normalise", "minmax:1,100", "--aggregate", "geometric"]
    P["generalised_2"] = base + ["--aggregate", "generalised:2"]
    P["generalised_0.5"] = base + ["--aggregate", "generalised:0.5"]
    P["copeland"] = base + ["--aggregate", "copeland"]
    P["coverage_0.5"] = base + ["--min-coverage", "0.5"]
    P["coverage_0.8"] = base + ["--min-coverage", "0.8"]
    P["coverage_1"] = base + ["--min-coverage", "1"]
    P["panel_per_period"] = pn + ["--scope", "per-period"]
    P["panel_default"] = pn
    P["panel_pooled"] = pn + ["--scope", "pooled"]
    P["panel_pooled_zscore"] = pn + ["--scope", "pooled", "--normalise", "zscore:0,1"]
    P["denominate"] = base + ["--denominate"]
    P["denominators_world"] = base + ["--denominators", f"{i}/WorldDenoms.csv"]
    P["impute_mean"] = base + ["--impute", "mean"]
    P["impute_median"] = base + ["--impute", "median"]
    P["impute_mean_group"] = base + ["--impute", "mean:EurAsia_group"]
    P["impute_median_group"] = base + ["--impute", "median:GDP_group"]
    P["screen_0.9"] = base + ["--screen", "0.9"]
    P["screen_0.95"] = base + ["--screen", "0.95"]
    P["treat_winsorise"] = base + ["--treat", "winsorise"]
    P["treat_winsorise_zscore"] = base + ["--treat", "winsorise", "--normalise", "zscore:0,1"]
    P["full_pipeline"] = base + ["--denominate", "--impute", "mean:EurAsia_group", "--screen", "0.9",
                                 "--treat", "winsorise", "--normalise", "minmax:1,100",
                                 "--aggregate", "geometric", "--min-coverage", "0.8"]
    P["copeland_coverage_0.8"] = base + ["--aggregate", "copeland", "--min-coverage", "0.8"]
    P["copeland_weighted"] = w + ["--aggregate", "copeland"]
    P["weighted_generalised_2"] = w + ["--aggregate", "generalised:2", "--normalise", "minmax:1,100"]
    P["generalised_m1_1_100"] = base + ["--aggregate", "generalised:-1", "--normalise", "minmax:1,100"]
    P["weighted_coverage_0.8_zscore"] = w + ["--normalise", "zscore:0,1", "--min-coverage", "0.8"]
    P["rank_geometric"] = base + ["--normalise", "rank", "--aggregate", "geometric"]
    P["goalposts_weighted_harmonic_err"] = gp + ["--normalise", "goalposts", "--aggregate", "harmonic"]
    P["geometric_0_100_err"] = base + ["--aggregate", "geometric"]
    P["harmonic_0_100_err"] = base + ["--aggregate", "harmonic"]
    P["harmonic_zscore_err"] = base + ["--aggregate", "harmonic", "--normalise", "zscore:0,1"]
    P["treat_winsorise_1"] = base + ["--treat", "winsorise:1"]
    P["treat_winsorise_2"] = base + ["--treat", "winsorise:2"]
    P["denominate_treat"] = base + ["--denominate", "--treat", "winsorise"]
    P["denominate_impute_median"] = base + ["--denominate", "--impute", "median"]
    P["panel_impute_treat"] = pn + ["--scope", "per-period", "--impute", "mean:GDP_group", "--treat", "winsorise"]
    P["panel_pooled_screen"] = pn + ["--scope", "pooled", "--screen", "0.95", "--normalise", "minmax:-1,1"]
    P["panel_pooled_copeland"] = pn + ["--scope", "pooled", "--aggregate", "copeland"]
    P["panel_denominate_pooled"] = pn + ["--scope", "pooled", "--denominate", "--normalise", "zscore:0,1"]
    P["panel_impute_latest"] = pn + ["--impute", "latest"]
    P["panel_impute_linear"] = pn + ["--impute", "linear"]
    P["dist2targ_weighted_geo_rank"] = dt + ["--normalise", "dist2targ", "--aggregate", "arithmetic",
                                             "--min-coverage", "1"]
    return P


def read_pipelines(path, peer):
    """pipelines.txt: `name|data file|meta file|option|option...`, files relative to the peer input."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, data, meta, *opts = line.split("|")
            i = os.path.join(peer, "input")
            args = ["--data", os.path.join(i, data), "--meta", os.path.join(i, meta)]
            for o in opts:
                k, _, v = o.partition(" ")
                args += [k] + ([os.path.join(i, v) if k == "--denominators" else v] if v else [])
            out.append((name, args))
    return out


def run_citykpi(citykpi, args, out):
    p = subprocess.run([citykpi, "index", *args, "--out", out], capture_output=True, text=True)
    return p.returncode, p.stderr


def matrix(args):
    P = pipelines(args.peer)
    names = args.only.split(",") if args.only else list(P)
    keep = args.keep or tempfile.mkdtemp(prefix="coinr-check-")
    os.makedirs(keep, exist_ok=True)
    summary = []
    for name in names:
        a = P[name]
        exp_path = os.path.join(keep, f"{name}.expected.csv")
        got_path = os.path.join(keep, f"{name}.citykpi.csv")
        try:
            rows, panel = run_index(index_parser().parse_args(a + (["--coinr-bugs"] if args.coinr_bugs else [])))
            with open(exp_path, "w") as f:
                write_rows(rows, panel, f)
            exp_err = None
        except IndexError_ as e:
            exp_err = str(e)
        rc, err = run_citykpi(args.citykpi, a, got_path)
        if exp_err is not None:
            clean = rc != 0 and "Exception" not in err and "\tat " not in err
            status = "BOTH-ERROR" if clean else "ERROR-MISMATCH"
            summary.append((name, status, f"checker: {exp_err} | citykpi rc={rc}: {err.strip()[-300:]}"))
            continue
        if rc != 0:
            summary.append((name, "CITYKPI-FAILED", f"rc={rc}: {err.strip()[-400:]}"))
            continue
        bad = compare(read_result(exp_path), read_result(got_path), args.tol)
        summary.append((name, "OK" if not bad else f"{len(bad)} DIFFS", "\n    ".join(bad[:args.show])))
    for name, status, detail in summary:
        print(f"{name:28s} {status}")
        if detail and status != "OK":
            print("    " + detail)
    print(f"outputs kept in {keep}")


# ---------------------------------------------------------------------------------------- main


def index_parser():
    p = argparse.ArgumentParser(prog="coinr_check.py index")
    p.add_argument("--data", required=True)
    p.add_argument("--meta", required=True)
    p.add_argument("--normalise", default="minmax")
    p.add_argument("--aggregate", default="arithmetic")
    p.add_argument("--min-coverage", type=float, default=None)
    p.add_argument("--denominate", action="store_true")
    p.add_argument("--denominators")
    p.add_argument("--impute")
    p.add_argument("--screen", type=float, default=None)
    p.add_argument("--treat")
    p.add_argument("--scope", default="pooled")  # COINr's Normalise.purse: global = TRUE
    p.add_argument("--out")
    p.add_argument("--coinr-bugs", action="store_true")
    return p


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default_peer = os.path.normpath(
        os.path.join(here, "..", "..", "kpi-io", "src", "test", "resources", "coinr-asem"))
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    cmd, rest = argv[0], argv[1:]
    if cmd == "selftest":
        p = argparse.ArgumentParser(prog="coinr_check.py selftest")
        p.add_argument("--peer", default=default_peer)
        return 0 if selftest(p.parse_args(rest).peer) else 1
    if cmd == "index":
        opts = index_parser().parse_args(rest)
        try:
            rows, panel = run_index(opts)
        except IndexError_ as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        if opts.out:
            with open(opts.out, "w") as f:
                write_rows(rows, panel, f)
        else:
            write_rows(rows, panel, sys.stdout)
        return 0
    if cmd == "compare":
        p = argparse.ArgumentParser(prog="coinr_check.py compare")
        p.add_argument("expected")
        p.add_argument("actual")
        p.add_argument("--tol", type=float, default=1e-9)
        a = p.parse_args(rest)
        bad = compare(read_result(a.expected), read_result(a.actual), a.tol)
        print("\n".join(bad[:50]) or "agree")
        return 1 if bad else 0
    if cmd == "generate":
        p = argparse.ArgumentParser(prog="coinr_check.py generate")
        p.add_argument("--peer", default=default_peer)
        p.add_argument("--dest", required=True, help="folder holding pipelines.txt")
        a = p.parse_args(rest)
        for name, args in read_pipelines(os.path.join(a.dest, "pipelines.txt"), a.peer):
            rows, panel = run_index(index_parser().parse_args(args))
            with open(os.path.join(a.dest, name + ".csv"), "w", newline="") as f:
                write_rows(rows, panel, f)
            print(f"{name}: {len(rows)} rows")
        return 0
    if cmd == "matrix":
        p = argparse.ArgumentParser(prog="coinr_check.py matrix")
        p.add_argument("--peer", default=default_peer)
        p.add_argument("--citykpi", default="./citykpi")
        p.add_argument("--only")
        p.add_argument("--keep")
        p.add_argument("--tol", type=float, default=1e-9)
        p.add_argument("--show", type=int, default=6)
        p.add_argument("--coinr-bugs", action="store_true")
        matrix(p.parse_args(rest))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
