"""Qt widgets, item models and dialogs. Data only through ``EventStore``."""
