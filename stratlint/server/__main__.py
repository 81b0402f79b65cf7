"""`python -m stratlint.server`: the same as `stratlint server`."""

from stratlint.server import main

raise SystemExit(main())
