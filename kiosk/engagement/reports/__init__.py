"""Reports on the engagement database: tables, HTML with SVG charts, CSV, the staff dashboard,
export to USB drives, and `rls-kiosk report`."""
