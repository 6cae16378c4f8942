"""Start the kiosk from a source checkout: `python main.py [sub-command] ...`."""

from kiosk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
