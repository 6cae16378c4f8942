"""The command line: `rls-kiosk [options]` runs the kiosk; sub-commands serve staff and IT.

Errors are printed as one clear sentence on stderr; a Python traceback is a bug.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.settings.config import TEXT_SIZES, THEMES

log = logging.getLogger(__name__)

SUBCOMMANDS = ("run", "preview", "validate", "set-pin", "supervise", "doctor")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; for another `command` than report (or help), the report's
    options are left out, so starting the kiosk does not import the report modules."""
    parser = argparse.ArgumentParser(
        prog="rls-kiosk", description="Waiting-room kiosk about Restless Legs Syndrome.")
    parser.add_argument("--version", action="version", version=f"rls-kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="start the kiosk (the default)")
    _add_run_options(run)

    preview = sub.add_parser("preview", help="render every screen to PNG, then exit")
    preview.add_argument("--out", required=True, type=Path, help="folder for the PNG files")
    preview.add_argument("--size", default="1920x1080", help="window size WxH (1920x1080)")
    preview.add_argument("--lang", default="all", help="language code, or all (all)")
    preview.add_argument("--text-size", choices=TEXT_SIZES, default="normal")
    preview.add_argument("--theme", choices=THEMES, default="standard")
    preview.add_argument("--content", help="content folder (the shipped content)")
    preview.add_argument("--config", help="settings file")
    preview.add_argument("--screens", default="all", metavar="KINDS",
                         help="comma-separated kinds of screen, e.g. home,reader (all)")

    validate = sub.add_parser("validate", help="check a content folder; exit 1 on errors")
    validate.add_argument("dir", nargs="?", help="content folder (the configured one)")
    validate.add_argument("--json", action="store_true", help="print findings as JSON")
    validate.add_argument("--config", help="settings file")

    set_pin = sub.add_parser("set-pin", help="set the staff PIN (stored only as a hash)")
    set_pin.add_argument("--config", help="settings file (also KIOSK_CONFIG)")

    sub.add_parser(
        "supervise", usage="rls-kiosk supervise [-- kiosk options]",
        help="run the kiosk and restart it after a crash or a freeze (auto-start uses this)")

    doctor = sub.add_parser("doctor", help="installer's health check; exit 1 if not ready")
    doctor.add_argument("--content", help="content folder (the configured one)")
    doctor.add_argument("--config", help="settings file (also KIOSK_CONFIG)")
    doctor.add_argument("--data-dir", help="data folder (also KIOSK_DATA_DIR)")

    _add_report(sub, with_options=command in (None, "report", "-h", "--help"))
    return parser


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--windowed", action="store_true",
                        help="a normal window instead of full screen (development)")
    parser.add_argument("--content", help="content folder")
    parser.add_argument("--config", help="settings file (also KIOSK_CONFIG)")
    parser.add_argument("--data-dir", help="data folder (also KIOSK_DATA_DIR)")


def _add_report(sub: argparse._SubParsersAction[argparse.ArgumentParser], *,
                with_options: bool) -> None:
    if not with_options:
        sub.add_parser("report", help="engagement report as HTML and CSV")
        return
    try:
        from kiosk.engagement.reports.cli import add_report_arguments
    except ImportError:
        return
    report = sub.add_parser("report", help="engagement report as HTML and CSV")
    add_report_arguments(report)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*SUBCOMMANDS, "report", "-h", "--help", "--version"):
        argv.insert(0, "run")
    kiosk_args: list[str] = []
    if argv[0] == "supervise" and "--" in argv:
        split = argv.index("--")
        argv, kiosk_args = argv[:split], argv[split + 1:]
    parser = build_parser(argv[0])
    args = parser.parse_args(argv)
    args.kiosk_args = kiosk_args
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a fault in the program: one sentence, the details in a file
        return _report_fault(args.command, exc)


def _report_fault(command: str, exc: Exception) -> int:
    """Keep a traceback off the screen: write it to a file and name the file."""
    import tempfile
    import traceback

    from kiosk.runtime.crash import EXIT_CRASH

    details = Path(tempfile.gettempdir()) / f"rls-kiosk-{command}-error.txt"
    try:
        details.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        where = f"the details are in {details}"
    except OSError:
        where = "the details could not be saved"
    print(f"rls-kiosk {command} stopped on an unexpected error ({type(exc).__name__}: {exc}); "
          f"{where}. This is a fault in the kiosk program, not in your files: send them to "
          "whoever installed the kiosk.", file=sys.stderr)
    return EXIT_CRASH


def _program_files_missing() -> bool:
    """Say which of the program's own files is missing, instead of failing on it later."""
    from kiosk.settings.paths import missing_program_files

    missing = missing_program_files()
    if missing:
        print(f"rls-kiosk: the program's own file {missing[0]} is missing, so the screens "
              "cannot be drawn; reinstall the kiosk (a wheel must be built from the whole "
              "source tree, which carries assets/ and content/)", file=sys.stderr)
    return bool(missing)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command in ("preview", "run") and _program_files_missing():
        return 1
    if args.command == "preview":
        return _preview(args)
    if args.command == "validate":
        return _validate(args)
    if args.command == "set-pin":
        from kiosk.access.setpin import run_set_pin
        from kiosk.settings.paths import config_file

        return run_set_pin(config_file(args.config))
    if args.command == "supervise":
        return _supervise(args.kiosk_args)
    if args.command == "doctor":
        from kiosk.doctor.checkup import run_doctor

        return run_doctor(config=args.config, data_dir=args.data_dir, content=args.content)
    if args.command == "report":
        from kiosk.engagement.reports.cli import run_report
        from kiosk.settings.paths import data_dir

        if getattr(args, "data_dir", None) is None and not getattr(args, "db", None):
            args.data_dir = data_dir()
        return run_report(args)
    if (problem := _display_problem()) is not None:
        return problem
    from kiosk.app import run_kiosk
    from kiosk.runtime.supervisor import suppress_error_dialogs

    suppress_error_dialogs()
    return run_kiosk(config=args.config, data_dir=args.data_dir, content=args.content,
                     windowed=args.windowed)


def _supervise(kiosk_args: list[str]) -> int:
    from kiosk.runtime.supervisor import supervise

    run = argparse.ArgumentParser(prog="rls-kiosk supervise --", add_help=False)
    _add_run_options(run)
    options = run.parse_args(kiosk_args)
    return supervise(kiosk_args, config=options.config, data_dir=options.data_dir)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f'rls-kiosk: --size "{text}" is not WIDTHxHEIGHT, e.g. 1920x1080') \
            from None
    if not (320 <= width <= 8000 and 320 <= height <= 8000):
        raise SystemExit(f"rls-kiosk: --size {text} is outside 320x320 to 8000x8000")
    return width, height


def _display_problem() -> int | None:
    """Exit code 1 with one sentence on stderr when Qt would find no display (and abort)."""
    from kiosk.runtime.display import display_problem

    problem = display_problem()
    if problem is None:
        return None
    print(problem, file=sys.stderr)
    return 1


def _preview(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if (problem := _display_problem()) is not None:  # QT_QPA_PLATFORM=xcb without X
        return problem
    width, height = _size(args.size)
    from kiosk.app import create_application, load_content, resolve_setup
    from kiosk.ui.preview.patient import SCREEN_KINDS, render_previews

    screens = SCREEN_KINDS if args.screens == "all" else tuple(
        kind.strip() for kind in args.screens.split(","))
    unknown = [kind for kind in screens if kind not in SCREEN_KINDS]
    if unknown:
        print(f'rls-kiosk: --screens "{unknown[0]}" is not a kind of screen; choose from '
              f'{", ".join(SCREEN_KINDS)} or all', file=sys.stderr)
        return 2
    setup = resolve_setup(args.config, None, args.content)
    create_application()
    library = load_content(setup.content_dir)
    available = [lang for lang in library.site.languages if lang in library.languages] or ["en"]
    if args.lang == "all":
        languages = available
    elif args.lang in available:
        languages = [args.lang]
    else:
        print(f'rls-kiosk: language "{args.lang}" is not in the content; choose one of '
              f'{", ".join(available)} or all', file=sys.stderr)
        return 2
    try:
        written = render_previews(library, setup.settings, args.out, width=width,
                                  height=height, languages=languages,
                                  text_size=args.text_size, theme=args.theme,
                                  screens=screens)
    except OSError as exc:
        if exc.filename and not Path(exc.filename).resolve().is_relative_to(
                args.out.resolve()):
            print(f"rls-kiosk: cannot read {exc.filename} ({exc.strerror}); check that the "
                  "kiosk and its content are installed completely", file=sys.stderr)
        else:
            print(f"rls-kiosk: cannot write the previews to {args.out} ({exc}); "
                  "choose a folder you may write to", file=sys.stderr)
        return 1
    print(f"{len(written)} screens written to {args.out}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from datetime import date

    from kiosk.app import resolve_setup, route_qt_messages
    from kiosk.content.model import counts_text
    from kiosk.content.refresh import load_checked

    setup = resolve_setup(args.config, None, args.dir)
    route_qt_messages()  # a damaged picture's decoder messages: the finding says it better
    library = load_checked(setup.content_dir, date.today(), reading_level=True)
    findings = sorted(library.findings, key=lambda f: (str(f.path), f.line))
    if args.json:
        print(json.dumps([{"path": str(f.path), "line": f.line, "severity": f.severity,
                           "message": f.message, "hint": f.hint} for f in findings], indent=2))
    else:
        for finding in findings:
            print(finding)
        sections = sum(len(c.sections) for c in library.languages.values())
        languages = len(library.languages)
        print(f"{setup.content_dir}: {sections} sections in {languages} "
              f"language{'s' if languages != 1 else ''}, {counts_text(findings)}")
    return 1 if library.errors else 0
