"""Understanding: a `Document` read like a sales leader would. `nlp` runs the spaCy pipeline
(`components`, `patterns`, `signals`), `shape` finds a sentence's frame, `headings` the kind a
heading suggests, `classify` each statement's class, `learn` the trained models that confirm
genres and classes, `links` what a link points at; `analysis` puts it together.
"""
