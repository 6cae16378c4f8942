"""The kiosk and the PC: idle reset, read-aloud, keeping the screen awake, lockdown, the heartbeat,
watching the content folder, and the daily snapshot to a shared folder."""
