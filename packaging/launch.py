"""Entry script of the frozen build: the ``mmtracker`` command (no command opens the window)."""

import sys

from mmtracker.cli import main

if __name__ == "__main__":
    sys.exit(main())
