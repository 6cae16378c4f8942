"""`rls-kiosk doctor`, the installer's health check: `checkup.run_doctor` runs every check."""
