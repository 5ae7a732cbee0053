"""The frozen app's entry point (PyInstaller): the same as `claim-ledger` from pip."""

import sys

from claimledger.cli import main

if __name__ == "__main__":
    sys.exit(main())
