"""Every screen to PNG without a display (`rls-kiosk preview`): the patient screens and the staff
panel, for proofreading and review."""
