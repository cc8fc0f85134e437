"""The yearly report «Сотрудничество Санкт-Петербурга с городами-партнёрами».

One description of the report (:mod:`.content`) drawn three ways: painted with QtGui
onto a PDF writer or a printer (:mod:`.document`), and written as a Word table
(:mod:`.docx`). The entry points for the window and the CLI are :func:`save_pdf`,
:func:`save_docx`, :func:`report_content` and :func:`paint_report`.
"""

from __future__ import annotations

from spbgui.report.options import ReportOptions

__all__ = ["ReportOptions", "paint_report", "report_content", "save_docx", "save_pdf"]


def __getattr__(name: str) -> object:
    # Qt and python-docx load only when a report is made, not whenever the options are.
    if name in {"save_pdf", "save_docx", "report_content"}:
        from spbgui.report import files

        return getattr(files, name)
    if name == "paint_report":
        from spbgui.report.document import paint_report

        return paint_report
    raise AttributeError(name)
