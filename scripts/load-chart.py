#!/usr/bin/env python3
"""Draws docs/images/workbench-latency.svg from the load reports artifacts/load/sqlite-<cases>.md (scripts/load.sh):
the workbench's p50 and p95 against the number of cases, on a logarithmic axis of cases. Usage: python3 scripts/load-chart.py"""
import math, pathlib, re

root = pathlib.Path(__file__).resolve().parent.parent
points = []
for report in sorted((root / "artifacts/load").glob("sqlite-*.md")):
    cases = int(re.search(r"sqlite-(\d+)\.md", report.name).group(1))
    row = next(l for l in report.read_text(encoding="utf-8").splitlines() if l.startswith("| workbench |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    points.append((cases, float(cells[2]), float(cells[3]), float(cells[1])))
points.sort()
if not points:
    raise SystemExit("no artifacts/load/sqlite-*.md reports: run scripts/load.sh first")

W, H, L, R, T, B = 640, 360, 90, 90, 40, 50
top = max(p[2] for p in points) * 1.15
lo, hi = math.log10(min(p[0] for p in points)), math.log10(max(p[0] for p in points))
x = lambda c: L + (math.log10(c) - lo) / ((hi - lo) or 1) * (W - L - R)
y = lambda ms: H - B - ms / top * (H - T - B)
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="#fff"/>',
       f'<text x="{W/2}" y="20" text-anchor="middle" font-size="14">工作台 /Workbench 延迟与办件数量（SQLite，50 并发）</text>',
       f'<line x1="{L}" y1="{H-B}" x2="{W-R}" y2="{H-B}" stroke="#333"/><line x1="{L}" y1="{T}" x2="{L}" y2="{H-B}" stroke="#333"/>']
for i in range(6):
    ms = top * i / 5
    out.append(f'<line x1="{L}" y1="{y(ms):.1f}" x2="{W-R}" y2="{y(ms):.1f}" stroke="#eee"/><text x="{L-6}" y="{y(ms)+4:.1f}" text-anchor="end">{ms:.0f} ms</text>')
for cases, p50, p95, rps in points:
    out.append(f'<text x="{x(cases):.1f}" y="{H-B+18}" text-anchor="middle">{cases:,} 件</text>')
    out.append(f'<text x="{x(cases):.1f}" y="{H-B+34}" text-anchor="middle" fill="#666">{rps:.0f} 次/秒</text>')
for key, colour, label in ((2, "#c0392b", "p95"), (1, "#2e6da4", "p50")):
    path = " ".join(f"{x(p[0]):.1f},{y(p[key]):.1f}" for p in points)
    out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
    for p in points:
        out.append(f'<circle cx="{x(p[0]):.1f}" cy="{y(p[key]):.1f}" r="4" fill="{colour}"/><text x="{x(p[0])+6:.1f}" y="{y(p[key])-6:.1f}" fill="{colour}">{p[key]:.0f}</text>')
    out.append(f'<text x="{W-R-40}" y="{T + (0 if label == "p95" else 16)}" fill="{colour}">— {label}</text>')
out.append("</svg>")
(root / "docs/images/workbench-latency.svg").write_text("\n".join(out), encoding="utf-8")
print("\n".join(f"| {c:,} | {p50:.0f} | {p95:.0f} | {rps:.0f} |" for c, p50, p95, rps in points))
