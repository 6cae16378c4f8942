"""Names that Syncthing (the sync tool a clinic group may use for content and reports) gives its
own files, so the kiosk can tell them from staff's files.

- `.stfolder`, `.stversions`: its marker folder and its store of old versions; never content.
- `.syncthing.NAME.tmp` (`~syncthing~NAME.tmp` on Windows): a file still arriving; it becomes
  NAME in one rename when whole.
- `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT`: two edits of NAME met; Syncthing keeps both,
  and a person must choose.
"""

from __future__ import annotations

import re

SYNC_FOLDERS = frozenset({".stfolder", ".stversions"})
_CONFLICT_RE = re.compile(r"\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]{7})?")


def is_sync_folder(name: str) -> bool:
    return name in SYNC_FOLDERS


def is_arriving(name: str) -> bool:
    """A file Syncthing is still writing."""
    return name.endswith(".tmp") and name.startswith((".syncthing.", "~syncthing~"))


def conflict_original(name: str) -> str | None:
    """For a conflict copy, the name of the file it is a copy of; None for any other name."""
    match = _CONFLICT_RE.search(name)
    if match is None:
        return None
    return name[:match.start()] + name[match.end():]
