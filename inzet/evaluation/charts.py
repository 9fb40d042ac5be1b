"""Bar charts as SVG images, drawn on the server by pygal.

The SVG carries no script (js=[]) and is shown as an <img> from a data: URL, so the page's
Content-Security-Policy (no inline scripts or styles) holds. Every chart has a table beside it
with the same figures; a count below 5 is left out of the bar (its table row says "minder dan 5").
"""

import base64
from xml.etree import ElementTree

import pygal
from pygal.style import Style

from inzet.evaluation.rules import is_small
from inzet.evaluation.selectors import Table

# Utrecht design-token blue; high contrast text.
_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1a1a1a",
    foreground_strong="#1a1a1a",
    foreground_subtle="#6b6b6b",
    colors=("#24578f",),
    font_family="sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=13,
    title_font_size=15,
)


def chart_svg(table: Table) -> bytes:
    chart = pygal.HorizontalBar(
        style=_STYLE,
        js=[],
        show_legend=False,
        print_values=True,
        width=720,
        height=max(160, 40 * len(table.rows) + 60),
        margin=12,
        truncate_label=-1,
        disable_xml_declaration=False,
    )
    chart.x_labels = [row.label for row in table.rows]
    if table.chart_amount:
        values = [None if row.amount is None else float(row.amount) for row in table.rows]
        chart.add(str(table.amount_label), values)
    else:
        chart.add(str(table.count_label), [None if is_small(row.count) else row.count for row in table.rows])
    tree = chart.render_tree()
    # pygal always writes its settings into a <script>; an image never runs it, but leave none in.
    for parent in tree.iter():
        for child in [c for c in parent if str(c.tag).endswith("script")]:
            parent.remove(child)
    return b"<?xml version='1.0' encoding='utf-8'?>\n" + ElementTree.tostring(tree)


def chart_data_url(table: Table) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(chart_svg(table)).decode("ascii")
