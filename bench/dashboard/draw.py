"""Draws the Grafana dashboard's panels from a Prometheus: every query of the dashboard JSON, asked over
[start, end] with the dashboard's own PromQL ($__rate_interval as 30 s, the variables as All), placed as the
dashboard's gridPos places them. Timeseries panels become line charts (with their threshold line), stat panels
tiles showing the last value.

    python3 draw.py PROMETHEUS_URL START END DASHBOARD_JSON OUT_PNG
"""
import json
import re
import sys
import urllib.parse
import urllib.request
from datetime import datetime

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

prom, start, end, dashboard_file, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
STEP = 5
dashboard = json.load(open(dashboard_file))


def fill(expr):
    expr = expr.replace("$__rate_interval", "30s")
    return re.sub(r"\$\{?\w+\}?", ".*", expr)


def query_range(expr):
    q = urllib.parse.urlencode({"query": fill(expr), "start": start, "end": end, "step": STEP})
    with urllib.request.urlopen(f"{prom}/api/v1/query_range?{q}") as r:
        answer = json.load(r)
    if answer["status"] != "success":
        raise SystemExit(f"{expr}: {answer}")
    return answer["data"]["result"]


def legend(fmt, metric):
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: metric.get(m.group(1), ""), fmt or "") or \
        ",".join(f"{k}={v}" for k, v in metric.items()) or "value"


def human(value, unit):
    if value is None:
        return "no data"
    if unit == "s":
        return f"{value:.0f} s" if value < 120 else f"{value / 60:.1f} min"
    if unit == "percentunit":
        return f"{value * 100:.1f}%"
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 or abs(value) >= 100 else f"{value:.2f}"


def colour(value, steps):
    chosen = "#73bf69"
    for s in steps or []:
        if s.get("value") is None or (value is not None and value >= s["value"]):
            chosen = {"green": "#73bf69", "red": "#f2495c", "orange": "#ff9830", "yellow": "#fade2a"}.get(s["color"], s["color"])
    return chosen


rows = max(p["gridPos"]["y"] + p["gridPos"]["h"] for p in dashboard["panels"])
UNIT_H = 0.42  # inches per grid row
fig = plt.figure(figsize=(18, rows * UNIT_H + 0.8), dpi=100)
fig.patch.set_facecolor("#f4f5f5")
top = 1 - 0.8 / (rows * UNIT_H + 0.8)
fig.text(0.01, 1 - 0.3 / (rows * UNIT_H + 0.8), f"{dashboard['title']} — bench run "
         f"{datetime.fromtimestamp(start):%Y-%m-%d %H:%M}–{datetime.fromtimestamp(end):%H:%M}, "
         f"{dashboard_file.split('deploy/')[-1]} queried from Prometheus", fontsize=13, weight="bold", va="center")


for p in dashboard["panels"]:
    g = p["gridPos"]
    defaults = p.get("fieldConfig", {}).get("defaults", {})
    unit = defaults.get("unit")
    steps = defaults.get("thresholds", {}).get("steps")
    # the panel's frame and title
    fx, fw = g["x"] / 24 + 0.002, g["w"] / 24 - 0.004
    fy = top - (g["y"] + g["h"]) / rows * top + 0.002
    fh = g["h"] / rows * top - 0.004
    frame = fig.add_axes([fx, fy, fw, fh])
    frame.set_xticks([]), frame.set_yticks([])
    frame.set_facecolor("white")
    for s in frame.spines.values():
        s.set_color("#d0d3d6")
    frame.text(0.01, 1 - 0.16 / g["h"] * 4 / 2, p["title"], transform=frame.transAxes, fontsize=10, weight="bold",
               va="top")
    if p["type"] == "stat":
        result = query_range(p["targets"][0]["expr"])
        value = float(result[0]["values"][-1][1]) if result else None
        mappings = {k: v["text"] for m in defaults.get("mappings", []) for k, v in m.get("options", {}).items()}
        text = mappings.get(str(int(value)) if value is not None and value == int(value) else "", human(value, unit))
        frame.set_facecolor(colour(value, steps) if value is not None else "#cccccc")
        frame.text(0.5, 0.42, text, transform=frame.transAxes, fontsize=22, weight="bold", ha="center",
                   va="center", color="white")
        continue
    ax = fig.add_axes([fx + 0.035 * fw, fy + 0.14 * fh * 4 / g["h"] + 0.01, fw * 0.95, fh * (1 - 0.62 * 4 / g["h"])])
    drawn = 0
    for t in p["targets"]:
        for series in query_range(t["expr"]):
            xs = [datetime.fromtimestamp(float(v[0])) for v in series["values"]]
            ys = [float(v[1]) for v in series["values"]]
            fixed = {o["matcher"]["options"]: o["properties"][0]["value"]["fixedColor"]
                     for o in p.get("fieldConfig", {}).get("overrides", [])
                     if o["matcher"]["id"] == "byName"}
            name = legend(t.get("legendFormat"), series["metric"])
            dashed = any(o["matcher"]["id"] == "byRegexp" and re.fullmatch(o["matcher"]["options"], name)
                         for o in p.get("fieldConfig", {}).get("overrides", []))
            ax.plot(xs, ys, linewidth=1.0 if dashed else 1.4, label=name, color="#f2495c" if dashed else fixed.get(name),
                    linestyle="--" if dashed else "-")
            drawn += 1
    if steps and len(steps) > 1 and defaults.get("custom", {}).get("thresholdsStyle"):
        ax.axhline(steps[-1]["value"], color="#f2495c", linestyle="--", linewidth=1)
    if drawn == 0:
        ax.text(0.5, 0.5, "no data", transform=ax.transAxes, ha="center", va="center", color="#888888")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M"))
    ax.tick_params(labelsize=8)
    ax.grid(True, color="#eeeeee")
    if unit == "percentunit":
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v * 100:.0f}%"))
    elif unit == "s":
        ax.set_ylabel("seconds", fontsize=8)
    if drawn:
        ax.legend(fontsize=7, loc="upper left", ncol=3 if drawn > 4 else 1, framealpha=0.7)
    for s in ax.spines.values():
        s.set_visible(False)

fig.savefig(out, facecolor=fig.get_facecolor())
print(f"{out}: {len(dashboard['panels'])} panels")
