"""The PySide6 application: windows, Qt models and dialogs. It holds no clinical rule."""
