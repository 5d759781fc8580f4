"""`python -m followup.healthcheck`, the container's health probe (it lives in followup/ops/)."""

import sys

from followup.ops.healthcheck import main

if __name__ == "__main__":
    sys.exit(main())
