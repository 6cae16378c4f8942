"""`python -m kiosk` runs the same command line as `rls-kiosk`."""

from kiosk.cli import main

raise SystemExit(main())
