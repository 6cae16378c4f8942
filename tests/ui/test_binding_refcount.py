"""Guard against Qt bindings that lose references to None (PySide6 6.12.0 on Python 3.11).

Such a binding aborts the kiosk with "deallocating None" after some hours of use, so an
upgrade that brings one back must fail here first.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

from tests.helpers.refcount import NONE_IS_IMMORTAL


@pytest.mark.skipif(NONE_IS_IMMORTAL, reason="None is immortal on this Python: nothing to lose")
def test_void_qt_calls_keep_none_alive(qapp) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setText(str(n))
        label.setWordWrap(bool(n % 2))
    assert sys.getrefcount(None) - before > -100
