"""A web address in an event, on portrait paper: the other columns keep their words whole.

Columns are widened to their longest word («Азербайджан» on portrait paper) with room
taken from columns that have some to spare. A word no column could hold, such as a
web address of eighty letters, made that impossible, and the widening was dropped for
every column: «Азербайджан» came out as «Азербайд / жан» because of a link in
another country's events. Such a word is broken wherever it falls, as before; the
others are still kept whole.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtGui import QFontMetricsF, QImage

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import EventText
from spbgui.io.xlsx.read import read_table
from spbgui.report import fonts
from spbgui.report.chart import ensure_application
from spbgui.report.content import main_table
from spbgui.report.table_layout import _WORD, column_widths

URL = "https://www.gov.spb.ru/press/governor/2024/05/14/vizit-delegacii-iz-goroda-partnera/"
DPI = 1200


def _device() -> QImage:
    ensure_application()
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(DPI / 0.0254))
    image.setDotsPerMeterY(round(DPI / 0.0254))
    return image


def test_a_link_does_not_break_the_other_columns_words(fixture_xlsx: Path) -> None:
    table = copy.deepcopy(read_table(fixture_xlsx))
    agreement = table.regions[0].countries[0].partners[0].agreements[0]
    agreement.events.append(EventText(EventDate(PartialDate(2024, 5, 14)), f"Визит: {URL}"))
    content = main_table(table)
    device = _device()
    width = (210 - 30) / 25.4 * DPI  # portrait A4 less the margins
    pad = 1.6 * DPI / 25.4
    widths = column_widths(content, width, device, pad)
    assert abs(sum(widths) - width) < 1
    for col in range(len(widths) - 1):  # all but the events, where the link is
        for style in ("body", "bold", "header"):
            metrics = QFontMetricsF(fonts.font(style, device))
            cells = [content.header[col], *(r.cells[col] for r in content.rows if not r.full_width)]
            for cell in cells:
                for para in cell.paras:
                    if para.style != style:
                        continue
                    for word in _WORD.findall(para.text):
                        need = metrics.horizontalAdvance(word) + 2 * pad
                        assert need <= widths[col] + 1, (col, word)
