"""Learned classifiers: section genres and statement classes, precision first (SPEC §8.4, §8.9).

`features` turns what the pipeline already knows (word classes, sentence frames, numbers, dates,
fields, lexicon hits, the hand-written classifier's verdict) into named features; `linear` is the
model over them; `models` loads the trained files shipped under `rules/models/` once per process;
`fit` trains them (numpy, imported only by the training command).
"""
