"""``python -m mmtracker``: the same as the ``mmtracker`` command."""

import sys

from mmtracker.cli import main

sys.exit(main())
