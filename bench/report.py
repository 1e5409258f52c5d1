"""Print benchmark results as a table and keep them as JSON."""

import json
from pathlib import Path


def table(title: str, columns: list[str], rows: list[list]) -> str:
    cells = [[str(c) for c in columns]] + [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    line = "+".join("-" * (w + 2) for w in widths)
    out = [f"\n{title}", line]
    for n, row in enumerate(cells):
        out.append(
            "|".join(
                f" {v:<{w}} " if i == 0 else f" {v:>{w}} "
                for i, (v, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            out.append(line)
    out.append(line)
    return "\n".join(out)


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    return str(value)


def write_json(path: Path, results: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, default=str))
