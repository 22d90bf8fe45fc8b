"""mmtracker: a multiple myeloma clinic tracker."""

__version__ = "0.1.0"
