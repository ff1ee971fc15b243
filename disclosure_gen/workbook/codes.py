"""Finding codes the reader emits (structure of the file, sheets, cells)."""

from __future__ import annotations

from disclosure_gen.findings import Severity, declare

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

FILE_MISSING = declare(
    "F001",
    E,
    "文件不存在或无法读取",
    "The path does not name a readable file (missing, a folder, no permission).",
)
NOT_XLSX = declare(
    "F002",
    E,
    "不是 xlsx 文件",
    "The file is not an Excel 2007+ workbook (a CSV, text, PDF or empty file renamed .xlsx). "
    "Save it from Excel or WPS as 'Excel 工作簿 (*.xlsx)'.",
)
OLE_FILE = declare(
    "F003",
    E,
    "旧版 xls 或加密工作簿",
    "An old .xls file or a password-protected workbook (both are OLE containers). Remove the "
    "password or save as .xlsx.",
)
TOO_LARGE = declare(
    "F004",
    E,
    "文件过大或异常压缩",
    "The file or one of its parts is far larger than any budget workbook (a zip bomb, a sheet "
    "with a million rows). Nothing is read; remove the stray content.",
)
CORRUPT = declare(
    "F005",
    E,
    "工作簿已损坏",
    "The xlsx package cannot be opened by openpyxl; re-save it from Excel.",
)
ANNOTATE_FAILED = declare(
    "F006",
    E,
    "无法写出批注副本",
    "validate --annotate could not write the annotated copy: the target is the input itself "
    "or cannot be written, or the workbook holds a damaged drawing or an image too large to "
    "copy. The check itself is complete; fix the cause (re-save from Excel/WPS, delete or "
    "shrink the image, choose another path) to get the copy.",
)
SHEET_MISSING = declare(
    "S001",
    E,
    "缺少工作表",
    "A sheet of the schema is missing or renamed. Use `disclosure-gen init` to get a blank "
    "workbook with every sheet.",
)
COLUMN_MISSING = declare(
    "S002",
    E,
    "缺少列或项目",
    "A column header (table sheet) or a label in column A (form sheet) is missing or renamed.",
)
REQUIRED = declare("S003", E, "必填项为空", "A required cell is empty.")
NOT_A_NUMBER = declare(
    "S004",
    E,
    "数字格式错误",
    "A number cell holds text that is not a number (or a whole number is required).",
)
NEGATIVE = declare("S005", E, "金额为负", "Amounts, counts and areas cannot be negative here.")
FORMULA_NO_VALUE = declare(
    "S006",
    E,
    "公式没有计算结果",
    "A formula cell has no cached value (the file was saved by a program that does not "
    "calculate). Open it in Excel/WPS and save again, or type the value.",
)
MERGED = declare(
    "S007",
    E,
    "数据区有合并单元格",
    "Merged cells in a data area make rows ambiguous; unmerge them and fill each cell.",
)
BAD_CHOICE = declare(
    "S008", E, "不在下拉选项中", "A dropdown cell holds a value that is not one of its options."
)
NORMALISED = declare(
    "S009",
    INFO,
    "数字按文本录入",
    "A number was typed as text (thousands separators, full-width digits, spaces); it was "
    "read as the number shown in the message. Check it, or re-enter it as a number.",
)
TOO_MANY_ROWS = declare(
    "S010",
    E,
    "行数过多",
    "A sheet has more rows than any budget workbook needs; the rest is not read.",
)
TEXT_TOO_LONG = declare(
    "S011", E, "文本过长", "A text cell is longer than a disclosure can print; shorten it."
)
CONTROL_CHARS = declare(
    "S012",
    E,
    "含控制字符",
    "A text holds control characters (bell, backspace, form feed… often pasted from other "
    "systems) that a document cannot print. Delete them (retype the text) and save.",
)
INVISIBLE = declare(
    "S017",
    W,
    "含不可见格式字符",
    "Zero-width spaces or byte-order marks (pasted from web pages) were removed from a text; "
    "check that the text still reads as intended.",
)
EXCEL_ERROR = declare(
    "S018",
    E,
    "单元格是 Excel 错误值",
    "A cell holds one of Excel's error values (#N/A, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, "
    "#NULL!, …), usually a formula that failed; the document would print it or a wrong 0. "
    "Correct the formula or type the value.",
)
EXCEL_ESCAPE = declare(
    "S019",
    W,
    "含 Excel 转义字符",
    "A text holds Excel's escaped characters (_x000D_ for a line break and the like), left by "
    "a program that wrote the file; they were turned back into the characters they stand "
    "for. Check that the text reads as intended.",
)
BIDI = declare(
    "S020",
    E,
    "含双向文字控制符",
    "A text holds bidirectional control characters (U+202A–202E, U+2066–2069), which make "
    "text display in a different order than it is stored, so what a reviewer reads is not "
    "what is printed. Delete them (retype the text).",
)
MARKUP = declare(
    "S021",
    E,
    "含网页标记",
    "A text holds HTML markup pasted from a web page (<p>, <br>, <div>, &nbsp;, …); the "
    "document would print it literally. Delete the tags (a line break is Alt+Enter in the "
    "cell).",
)
NUMBER_TOO_LARGE = declare(
    "S022",
    E,
    "数字大得不合理",
    "A number is far beyond any budget (1 万亿 or more: usually 1E+30, a pasted ID or digits "
    "typed twice); nothing that large is read. Correct it.",
)
MISPLACED_SEPARATOR = declare(
    "S023",
    E,
    "千位分隔符位置不对",
    "A number typed as text has separators that are not thousands separators (“116,40”, "
    "“1.234,56”, “1234,5678”): it could be 116.40 written with a decimal comma, or 11,640 "
    "with a digit missing. Dropping the commas would silently read 11640, so nothing is read. "
    "Re-enter the number (without separators, or with one comma every three digits).",
)
HIDDEN_CONTENT = declare(
    "S024",
    E,
    "隐藏的行、列或工作表中有内容",
    "A row or column that Excel hides (or shrinks to nothing), or a sheet set to “very "
    "hidden” (which Excel cannot unhide from its menus), holds content on a sheet the tool "
    "reads. It would count in the document although nobody sees it in Excel, and hiding is "
    "how people mean to leave a line out. Nothing is generated until it is visible: unhide "
    "it (select the rows around it → right-click → 取消隐藏; clear a filter), then delete "
    "what must not count.",
)
HIDDEN_SHEET = declare(
    "S025",
    W,
    "工作表被隐藏",
    "A sheet the tool reads is hidden in Excel (格式 → 隐藏) but holds content; it is read "
    "and counts in the document like any other. Unhide it (right-click a sheet tab → "
    "取消隐藏) and check its content.",
)
DUPLICATE_LABEL = declare(
    "S026",
    E,
    "项目或列标题重复且内容不同",
    "A label in column A of a form sheet appears twice with different values, or a column "
    "title of a table sheet appears twice: the tool cannot tell which one is meant, so "
    "nothing is generated. Keep one row (or column) and delete the other.",
)
REPEATED_LABEL = declare(
    "S027",
    W,
    "项目重复",
    "A label in column A of a form sheet appears twice with the same value; it is read once. "
    "Delete the repeated row.",
)
STRAY = declare(
    "S013",
    W,
    "数据区外有内容",
    "A cell outside the schema's columns holds content; it is ignored. Move or delete it.",
)
BAD_CODE = declare(
    "S014",
    E,
    "编码格式错误",
    "A classification code must be digits of the right length (功能分类项 7 位, 类 3 位; "
    "经济分类款 5 位), optionally followed by its name.",
)
BAD_DATE = declare(
    "S016", E, "日期格式错误", "A date cell does not hold a date such as 2024-03-01."
)
WRONG_KIND = declare(
    "X018",
    E,
    "公开类型与工作簿不符",
    "基本信息's 公开类型 names one kind while the workbook's sheets are another kind's (a budget "
    "workbook marked 决算公开); it is not read further. Choose the kind the workbook was made "
    "for, or start from `disclosure-gen init --kind …`.",
)
UNSERVED_KIND = declare(
    "X013",
    E,
    "暂不支持的公开类型",
    "基本信息's 公开类型 names a document kind this version cannot generate; the workbook is "
    "not read further, since its sheets belong to that kind.",
)
NO_GLYPH = declare(
    "S028",
    W,
    "含无法显示的字",
    "A text holds a character that no font installed on this machine can draw (a rare "
    "ideograph such as U+2A6D6 in a unit or project name): the PDF would print a box. Use "
    "the common form of the character, or install a font that has it and generate again.",
)
NO_FONTS = declare(
    "S029",
    INFO,
    "未找到字体",
    "fontconfig lists no font at all on this machine, so the characters could not be checked "
    "and the PDF cannot be drawn; said once, not for every cell. Run `make setup` (it installs "
    "the fonts) or install a CJK font such as Noto Serif CJK SC.",
)
