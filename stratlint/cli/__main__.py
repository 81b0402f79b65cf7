"""`python -m stratlint.cli`: the command line (tests and the benchmarks run it this way)."""

from stratlint.cli import main

main()
