"""``python -m briefgen`` runs the command line."""

import sys

from briefgen.cli import main

sys.exit(main())
