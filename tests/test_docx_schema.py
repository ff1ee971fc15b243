"""Word refuses a document whose elements are out of the order the WordprocessingML schema
prescribes (LibreOffice forgives it); pin the order of the properties we write."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

import pytest

from disclosure_gen.pipeline import Documents
from tests.conftest import EXAMPLE
from tests.render_helpers import documents

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEQUENCES = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
    "sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect "
    "bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid",
    "settings": "defaultTabStop evenAndOddHeaders characterSpacingControl updateFields compat themeFontLang",
}


@pytest.fixture(scope="module")
def rendered() -> Documents:
    return documents(EXAMPLE, pdf=False)


@pytest.mark.parametrize(
    "part",
    [
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/footer1.xml",
        "word/footer2.xml",
    ],
)
def test_properties_are_in_schema_order(rendered: Documents, part: str) -> None:
    root = ET.fromstring(zipfile.ZipFile(io.BytesIO(rendered.docx)).read(part))
    for element in root.iter():
        name = element.tag.replace(W, "")
        if name not in SEQUENCES:
            continue
        order = SEQUENCES[name].split()
        children = [child.tag.replace(W, "") for child in element]
        assert all(c in order for c in children), (part, name, children)
        positions = [order.index(c) for c in children]
        assert positions == sorted(positions), (part, name, children)
