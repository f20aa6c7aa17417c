"""pdfplumber as a command (`npm run bench`, CLI part): extract_tables() and extract_text() on
every page, the page's cache flushed after it.

    /usr/bin/python3 scripts/bench/pdfplumber-script.py FILE.pdf
"""
import sys

import pdfplumber

with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_tables()
        page.extract_text()
        page.flush_cache()
    print(len(pdf.pages))
