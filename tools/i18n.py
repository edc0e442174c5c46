"""Qt Linguist workflow for Winback Desktop, one .ts file per source module.

Every module with translatable strings (``tr``, ``QCoreApplication.translate``,
``QT_TRANSLATE_NOOP``) has ``winback_desktop/resources/translations/<pkg>-<module>_zh_CN.ts``
so that work on different screens never edits the same file.

    python tools/i18n.py update            # run lupdate on every module (keeps translations)
    python tools/i18n.py missing           # print unfinished strings as JSON {file: [source]}
    python tools/i18n.py apply zh.json     # fill translations from {"source": "译文"} (any file)
    python tools/i18n.py compile           # lrelease every .ts into .qm (shipped in the package)
    python tools/i18n.py all zh.json       # update + apply + compile
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "winback_desktop"
TS_DIR = PKG / "resources" / "translations"
LANG = "zh_CN"
MARKERS = re.compile(r"\b(tr|translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\s*\(")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return found


def ts_name(source: Path) -> str:
    rel = source.relative_to(PKG).with_suffix("")
    return "-".join(rel.parts) + f"_{LANG}.ts"


def sources() -> list[Path]:
    found = []
    for path in sorted(PKG.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        if MARKERS.search(path.read_text(encoding="utf-8")):
            found.append(path)
    return found


def lupdate(source: Path, ts: Path) -> None:
    subprocess.run(
        [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
         "-target-language", LANG, str(source), "-ts", str(ts)],
        check=True,
    )


def update() -> list[Path]:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for source in sources():
        ts = TS_DIR / ts_name(source)
        lupdate(source, ts)
        if not messages(ts):
            ts.unlink()
            continue
        wanted.add(ts.name)
    for stale in TS_DIR.glob(f"*_{LANG}.ts"):
        if stale.name not in wanted:
            stale.unlink()
            stale.with_suffix(".qm").unlink(missing_ok=True)
    return sorted(TS_DIR / name for name in wanted)


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def unfinished(ts: Path) -> list[str]:
    out = []
    for msg in messages(ts):
        tr_el = msg.find("translation")
        src = msg.findtext("source") or ""
        if tr_el is None or tr_el.get("type") in {"unfinished", "vanished", "obsolete"} or not (
            tr_el.text or ""
        ).strip():
            out.append(src)
    return out


def apply(mapping: dict[str, str]) -> int:
    """Fill translations; each changed file is then rewritten by lupdate itself so the
    .ts files always have lupdate's layout (no formatting churn between tools)."""
    count = 0
    by_name = {ts_name(source): source for source in sources()}
    for ts in sorted(TS_DIR.glob(f"*_{LANG}.ts")):
        tree = ET.parse(ts)
        changed = False
        for msg in tree.getroot().iter("message"):
            src = msg.findtext("source") or ""
            if src not in mapping:
                continue
            tr_el = msg.find("translation")
            if tr_el is None:
                tr_el = ET.SubElement(msg, "translation")
            if tr_el.text != mapping[src] or tr_el.get("type"):
                tr_el.text = mapping[src]
                tr_el.attrib.pop("type", None)
                changed = True
                count += 1
        if changed:
            with ts.open("wb") as fh:
                fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
                tree.write(fh, encoding="utf-8", xml_declaration=False)
            if ts.name in by_name:
                lupdate(by_name[ts.name], ts)
    return count


def compile_all() -> None:
    for ts in sorted(TS_DIR.glob(f"*_{LANG}.ts")):
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "update"
    if cmd in {"update", "all"}:
        update()
    if cmd in {"apply", "all"} and len(argv) > 1:
        mapping = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        print(f"applied {apply(mapping)} translations", file=sys.stderr)
    if cmd in {"compile", "all"}:
        compile_all()
    if cmd == "missing" or cmd == "all":
        missing = {ts.name: unfinished(ts) for ts in sorted(TS_DIR.glob(f"*_{LANG}.ts"))}
        missing = {k: v for k, v in missing.items() if v}
        print(json.dumps(missing, ensure_ascii=False, indent=1))
        return 1 if missing and cmd == "all" else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
