"""Whether counting references to None can show a binding that loses them."""

from __future__ import annotations

import sys

# From Python 3.12 None is immortal: its count is fixed at a huge value, so losing references to it
# can neither abort the kiosk nor be seen by counting.
NONE_IS_IMMORTAL = sys.getrefcount(None) >= 2**30
