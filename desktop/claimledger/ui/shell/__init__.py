"""The application and its window: start-up, the main window that wires controllers, settings."""
