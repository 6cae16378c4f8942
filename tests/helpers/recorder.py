"""A recorder that keeps events in a list and refuses what the engagement layer would refuse."""

from __future__ import annotations

from kiosk.engagement.events import clean_event


class ListRecorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, object]]] = []

    def record(self, kind: str, **fields: object) -> None:
        if clean_event(kind, fields) is None:
            raise AssertionError(f"the engagement layer refuses {kind} {fields}")
        self.events.append((kind, fields))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.events]
