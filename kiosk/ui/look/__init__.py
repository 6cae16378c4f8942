"""The look and the touch: theme and contrast, motion, finger scrolling, translations, and the
small widgets every screen is built from."""
