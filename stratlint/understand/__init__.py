"""Understanding: a `Document` read like a sales leader would. `shape` finds a sentence's frame,
`headings` the kind a heading suggests, `classify` each statement's class, `learn` the trained
models that confirm genres and classes, `analysis` puts it together into an `Analysis`.
`stratlint.nlp` (the spaCy pipeline) and `stratlint.links` still sit at the top level.
"""
