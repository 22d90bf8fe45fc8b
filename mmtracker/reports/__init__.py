"""Figures (matplotlib, Agg) and PDFs of a patient's history and assessment; no Qt widgets.

Importing this package imports no matplotlib: it is imported when the first figure
is drawn. The same :class:`matplotlib.figure.Figure` serves the screen (on a Qt
canvas) and the PDF (``savefig``).
"""
