"""spbgui package."""
