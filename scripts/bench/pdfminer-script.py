"""pdfminer.six as a command: every page interpreted into its layout objects (characters, lines,
rectangles) the way pdfplumber has pdfminer do it before its own table and text work. Used by
`npm run bench` when pdfplumber is not installed: a lower bound of pdfplumber's time.

    /usr/bin/python3 scripts/bench/pdfminer-script.py FILE.pdf
"""
import sys

from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

with open(sys.argv[1], "rb") as handle:
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    count = 0
    for page in PDFPage.get_pages(handle):
        interpreter.process_page(page)
        objects = list(device.get_result())
        count += 1
    print(count)
