"""``python -m graph``: the same command line as ``nexus-kg``."""

import sys

from graph.cli import main

sys.exit(main())
