"""The skill map as an SVG drawn on the server: one row per module in the path's order,
skills left to right by how deep they sit in the module, coloured by mastery, each a link to
its skill page. Edges join prerequisites to the skills that build on them."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

NODE_W, NODE_H, GAP_X, GAP_Y, LABEL_W = 150, 34, 22, 26, 170
SCALE = [(0.95, "#1a7f37", "mastered"), (0.7, "#7dc383", "nearly"), (0.4, "#f2cc60", "learning"),
         (0.15, "#f5a97f", "started"), (0.0, "#e6e6e6", "not yet")]


def colour(p_known: float, mastered: bool) -> tuple[str, str]:
    if mastered:
        return SCALE[0][1], SCALE[0][2]
    for threshold, fill, label in SCALE[1:]:
        if p_known >= threshold:
            return fill, label
    return SCALE[-1][1], SCALE[-1][2]


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def layout(curriculum, graph) -> dict[str, tuple[float, float]]:
    """Top-left corner of each skill's box."""
    places: dict[str, tuple[float, float]] = {}
    depth: dict[str, int] = {}
    for row, module in enumerate(curriculum.modules):
        own = [s for s in graph.order if s.startswith(module.id + "/")]
        for skill in own:
            inside = [p for p in graph.prerequisites(skill) if p in depth and p.startswith(module.id + "/")]
            depth[skill] = 1 + max((depth[p] for p in inside), default=-1)
        columns: dict[int, int] = {}
        for skill in own:
            columns[depth[skill]] = columns.get(depth[skill], 0)
        offsets: dict[int, int] = {}
        for skill in own:
            d = depth[skill]
            slot = offsets.get(d, 0)
            offsets[d] = slot + 1
            places[skill] = (LABEL_W + (d * 2 + slot % 2) * (NODE_W + GAP_X) / 2 * 2, 0.0)  # x fixed below
        # pack: each depth column holds its skills side by side, depth after depth
        x = LABEL_W
        for d in sorted(set(depth[s] for s in own)):
            members = [s for s in own if depth[s] == d]
            for skill in members:
                places[skill] = (x, row)
                x += NODE_W + GAP_X
            x += GAP_X
    return places


_STATIC: dict[tuple[int, int], tuple] = {}  # (id(curriculum), id(graph)) -> (curriculum, graph, parts)


def _static(curriculum, graph) -> tuple:
    """What every learner's map shares: places, size, the edges and module labels (once per course)."""
    key = (id(curriculum), id(graph))
    found = _STATIC.get(key)
    if found is not None and found[0] is curriculum and found[1] is graph:
        return found[2]
    places = layout(curriculum, graph)
    rows = len(curriculum.modules)
    width = max((x for x, _ in places.values()), default=LABEL_W) + NODE_W + GAP_X
    height = rows * (NODE_H + GAP_Y) + GAP_Y
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="skillmap" viewBox="0 0 {width:.0f} {height:.0f}" '
           f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="Skill map coloured by mastery">']

    def centre(skill: str, side: str) -> tuple[float, float]:
        x, row = places[skill]
        y = GAP_Y + row * (NODE_H + GAP_Y) + NODE_H / 2
        return (x + NODE_W if side == "right" else x), y

    out.append('<g class="edges">')
    for skill in graph.order:
        if skill not in places:
            continue
        for before in graph.prerequisites(skill):
            if before not in places:
                continue
            x1, y1 = centre(before, "right")
            x2, y2 = centre(skill, "left")
            if places[before][1] == places[skill][1] and x2 < x1:
                continue  # same column: no edge drawn backwards through boxes
            mid = (x1 + x2) / 2
            out.append(f'<path d="M{x1:.0f},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"/>')
    out.append("</g>")
    for row, module in enumerate(curriculum.modules):
        y = GAP_Y + row * (NODE_H + GAP_Y)
        out.append(f'<a href="/modules/{quote(module.id)}"><text class="module" x="8" y="{y + NODE_H / 2 + 5:.0f}">'
                   f"{escape(_short(module.title, 24))}</text></a>")
    titles = curriculum.skills()
    nodes = [(skill, x, GAP_Y + row * (NODE_H + GAP_Y), titles.get(skill, skill)) for skill, (x, row) in places.items()]
    parts = ("".join(out), nodes)
    if len(_STATIC) > 8:
        _STATIC.clear()
    _STATIC[key] = (curriculum, graph, parts)
    return parts


def draw(curriculum, graph, p_known: dict[str, float], mastered: set[str]) -> tuple[str, list[tuple[str, str]]]:
    """(SVG markup, legend of (colour, label)); every text is escaped."""
    head, nodes = _static(curriculum, graph)
    out = [head]
    for skill, x, y, title in nodes:
        p = float(p_known.get(skill, 0.0))
        fill, label = colour(p, skill in mastered)
        out.append(
            f'<a href="/skills/{quote(skill, safe="/")}" data-skill="{escape(skill)}" data-state="{label}">'
            f"<title>{escape(title)}: {label} (P(known) {p:.2f})</title>"
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" height="{NODE_H}" rx="6" fill="{fill}"/>'
            f'<text x="{x + NODE_W / 2:.0f}" y="{y + NODE_H / 2 + 4:.0f}">{escape(_short(title))}</text></a>')
    out.append("</svg>")
    return "".join(out), [(fill, label) for _, fill, label in SCALE]
