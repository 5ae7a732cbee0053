"""Plain dataclasses and rules: statuses, reasons, events, consensus. No Qt, no SQL."""
