"""Allow ``python -m disclosure_gen``, and the ``disclosure-gen`` console command.

``generate`` forks its PDF process before the CLI's imports (``render.pdf_process``), so
WeasyPrint is imported on the second core while this process imports the rest and reads the
workbook; this module imports nothing else first for that reason.

The imports run with the garbage collector off: they create some hundred thousand objects
(pydantic's model schemas, the rule registry, openpyxl's classes) that live as long as the
command, so each collection the allocations would trigger walks them and frees nothing —
about a fifth of the import time, which the PDF process waits for.  Afterwards they are
frozen out of later collections for the same reason.
"""

import gc
import sys

from disclosure_gen.render import pdf_process


def main() -> None:
    pdf_process.prestart(sys.argv[1:])
    gc.disable()
    try:
        from disclosure_gen.cli import app
    finally:
        gc.enable()
    gc.freeze()
    app(prog_name="disclosure-gen")


if __name__ == "__main__":
    main()
