"""`python -m stratlint.bench`: see stratlint.bench."""

from stratlint.bench import main

raise SystemExit(main())
