"""One run of the linter and its measurements: `engine` (lint text, files, a repository),
`batch` and `outcome` (a batch of documents and what it gives), `parallel` (worker processes),
`cache` (unchanged files are not analysed again), `project` (the documents links resolve
against), `config` (settings from `.stratlint.yaml` or `pyproject.toml`), `evaluate` and `bank`
(accuracy on the corpus and the labelled bank), `inspect` (how a document was read).
"""
