"""Allow ``python -m disclosure_gen``, and the ``disclosure-gen`` console command.

``generate`` forks its PDF process before the CLI's imports (``render.pdf_process``), so
WeasyPrint is imported on the second core while this process imports the rest and reads the
workbook; this module imports nothing else first for that reason.
"""

import sys

from disclosure_gen.render import pdf_process


def main() -> None:
    pdf_process.prestart(sys.argv[1:])
    from disclosure_gen.cli import app

    app(prog_name="disclosure-gen")


if __name__ == "__main__":
    main()
