"""``python -m artexplore`` runs the command line."""

from artexplore.cli import main

main()
