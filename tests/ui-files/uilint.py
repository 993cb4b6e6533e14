#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The .ui files stay reviewable (issue 7 #6). Checks every ui/**/*.ui:

- it is well-formed XML, and so is each list-item factory's inline interface (the CDATA of a
  GtkBuilderListItemFactory's "bytes");
- such an inline interface holds one GtkListItem template and no object with an id nor a
  menu: it is built again for every cell, so anything else is a copy per row;
- one element per line: no line opens two <property>, <binding>, <object> or <child>
  elements (a one-line factory cannot be reviewed or diffed).

With --fix, rewrites the inline interfaces that break the last rule one element per line,
indented like the others, and leaves everything else as it is.

Prints TAP, one line per file; exits 1 when a file fails.
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

CDATA = re.compile(r'<!\[CDATA\[(.*?)\]\]>', re.S)
OPENING = re.compile(r'<(property|binding|object|child)\b')
HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'


COMMENT = re.compile(r'<!--.*?-->', re.S)


def crowded_lines(text):
    # A comment may show an example of markup; keep its newlines so line numbers hold.
    text = COMMENT.sub(lambda m: '\n' * m.group(0).count('\n'), text)
    return [i + 1 for i, line in enumerate(text.split('\n')) if len(OPENING.findall(line)) > 1]


def factory_problems(body):
    try:
        root = ET.fromstring(body.strip().encode())
    except ET.ParseError as e:
        return [f'not well-formed: {e}']
    problems = []
    templates = root.findall('template')
    if len(templates) != 1 or templates[0].get('class') != 'GtkListItem':
        problems.append('not exactly one GtkListItem template')
    for element in root.iter():
        if element.get('id') is not None:
            problems.append(f'<{element.tag} id="{element.get("id")}"> is built again for every cell')
        if element.tag == 'menu':
            problems.append('a <menu> is built again for every cell')
    return problems


def tidy(body):
    """The inline interface, one element per line, two spaces a level."""
    root = ET.fromstring(body.strip().encode())
    ET.indent(root, space='  ')
    text = ET.tostring(root, encoding='unicode').replace(' />', '/>')
    return HEADER + text + '\n'


def check(path, fix):
    text = path.read_text(encoding='utf-8')
    problems = []
    try:
        ET.fromstring(text.encode())
    except ET.ParseError as e:
        return [f'not well-formed: {e}']
    if fix:
        def mend(match):
            body = match.group(1)
            return f'<![CDATA[{tidy(body)}]]>' if crowded_lines(body) else match.group(0)
        mended = CDATA.sub(mend, text)
        if mended != text:
            path.write_text(mended, encoding='utf-8')
            text = mended
    for match in CDATA.finditer(text):
        line = text.count('\n', 0, match.start()) + 1
        problems += [f'line {line}: factory: {p}' for p in factory_problems(match.group(1))]
    problems += [f'line {n}: more than one element opens on this line' for n in crowded_lines(text)]
    return problems


def main(argv):
    fix = '--fix' in argv
    top = pathlib.Path(__file__).resolve().parents[2]
    files = sorted((top / 'ui').rglob('*.ui'))
    failed = False
    for n, path in enumerate(files, 1):
        problems = check(path, fix)
        name = path.relative_to(top)
        print(f'{"not ok" if problems else "ok"} {n} - {name}')
        for p in problems:
            print(f'#   {p}')
        failed |= bool(problems)
    print(f'1..{len(files)}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
