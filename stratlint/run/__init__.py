"""One run of the linter and its measurements: `config` (settings from `.stratlint.yaml` or
`pyproject.toml`), `evaluate` and `bank` (accuracy on the corpus and the labelled bank),
`inspect` (how a document was read). `stratlint.engine`, `cache`, `parallel`, `project` and
`bench` still sit at the top level.
"""
