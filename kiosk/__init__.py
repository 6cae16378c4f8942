"""RLS waiting-room kiosk: patient education about Restless Legs Syndrome on a touchscreen."""

__version__ = "0.1.0"
