#!/usr/bin/env python3
"""Measure spaCy's own text classifiers beside the shipped linear models, on the same bank.

    python tools/textcat_compare.py run   [--variants bow1,bow2,bow2h,...] [--out /tmp/tc]
    python tools/textcat_compare.py determinism [--variant bow2h]

A research tool (docs/textcat-comparison.md has the method and the figures); nothing here is
shipped or used by the linter.

* The examples are exactly those of `stratlint.run.bank.examples` (the training command's and
  `stratlint eval --bank`'s): the same labelled units, matched to the parser's units the same way.
  Their raw text is captured while `examples` runs, by wrapping `analysis.section_inputs` and
  `analysis.statement_inputs` (called once per example, in order): a section's text is its
  heading and its own statements (`analysis.own_statements`), a statement's is its text.
* Train on the training sources, measure on the frozen test sources of `corpus/bank/split.yaml`
  with `bank.measure` and `bank.confusion` (the same code path as `stratlint eval --bank`).
* Thresholds for precision-first decisions (class, genre gate, tags) are chosen on held-out
  predictions over the training sources with `tools/train.py`'s `threshold_for` and targets: a
  grouped 4-fold by source for every model, the linear one included, so both are compared
  under the same protocol; the shipped linear thresholds (leave one source out) are reported too.
* spaCy: `textcat` (exclusive) for genre and class, `textcat_multilabel` for tags; models built
  from a config string (`spacy.TextCatBOW.v3`, ngram 1 or 2; `spacy.TextCatEnsemble.v2` with a
  small tok2vec), fixed seed (`spacy.util.fix_random_seed`), CPU, a fixed number of epochs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stratlint.run import bank  # noqa: E402
from stratlint.run.bank import Example, confusion, measure  # noqa: E402
from stratlint.understand.learn.linear import argmax  # noqa: E402
from stratlint.understand.learn.models import CLASSES, GENRES, MATERIAL, TAGS  # noqa: E402

CORPUS = ROOT / "corpus"
SEED = 0


def _train_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("stratlint_train", ROOT / "tools" / "train.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


# ---------------------------------------------------------------------------------------------
# Examples with their raw text


def collect(cache: Path | None) -> dict[str, Any]:
    """bank.examples(), plus each example's raw text and context, in the same order."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    import stratlint.understand.inputs as an

    sec_info: list[dict[str, str]] = []
    st_info: list[dict[str, str]] = []
    orig_sec, orig_st = an.section_inputs, an.statement_inputs

    def sec_wrap(doc, signals, verdicts, hk, hints, idx, own=None, doc_inputs=None):  # type: ignore[no-untyped-def]
        sec = doc.sections[idx]
        ids = an.own_statements(doc, idx) if own is None else own
        page = doc.sections[doc.title].title if doc.title is not None else ""
        parent = hints[sec.parent].value if sec.parent is not None else "none"
        sec_info.append(
            {
                "heading": sec.title,
                "content": "\n".join(doc.statements[i].text for i in ids),
                "page": page,
                "hint": hints[idx].value,
                "parent_hint": parent,
            }
        )
        return orig_sec(doc, signals, verdicts, hk, hints, idx, own=own, doc_inputs=doc_inputs)

    def st_wrap(doc, signals, verdicts, hints, parents, i):  # type: ignore[no-untyped-def]
        st = doc.statements[i]
        st_info.append({"text": st.text, "hint": hints[st.section].value, "form": st.form})
        return orig_st(doc, signals, verdicts, hints, parents, i)

    an.section_inputs, an.statement_inputs = sec_wrap, st_wrap
    try:
        gx, sx = bank.examples(CORPUS)
    finally:
        an.section_inputs, an.statement_inputs = orig_sec, orig_st
    # examples() appends exactly one example per call, in call order
    assert len(gx) == len(sec_info) and len(sx) == len(st_info), (len(gx), len(sec_info))
    data = {"gx": gx, "sx": sx, "sec": sec_info, "st": st_info}
    if cache is not None:
        cache.write_bytes(pickle.dumps(data))
    return data


def _words(s: str, prefix: str) -> str:
    import re

    return " ".join(prefix + w for w in re.findall(r"[a-z0-9]+", s.lower()))


def section_text(info: dict[str, str], hinted: bool, max_chars: int) -> str:
    body = info["content"][:max_chars]
    if not hinted:
        # an empty text would break spaCy's n-gram extraction (NumpyOps.ngrams)
        return (info["heading"] + "\n" + body).strip() or "_empty_"
    head = (
        f"hint_{info['hint']} parent_{info['parent_hint']} "
        f"{_words(info['page'], 'pt_')} {_words(info['heading'], 'hw_')}"
    )
    return (head + "\n" + info["heading"] + "\n" + body).strip()


def statement_text(info: dict[str, str], hinted: bool) -> str:
    if not hinted:
        return info["text"].strip() or "_empty_"
    return f"hint_{info['hint']} form_{info['form']} {info['text']}"


# ---------------------------------------------------------------------------------------------
# spaCy models from a config

BOW = """
[nlp]
lang = "en"
pipeline = ["{pipe}"]

[components]

[components.{pipe}]
factory = "{pipe}"
threshold = 0.5

[components.{pipe}.model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = {exclusive}
ngram_size = {ngram}
no_output_layer = false
length = {length}

[training]
seed = {seed}

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = {lr}
L2 = 0.0
"""

ENSEMBLE = """
[nlp]
lang = "en"
pipeline = ["{pipe}"]

[components]

[components.{pipe}]
factory = "{pipe}"
threshold = 0.5

[components.{pipe}.model]
@architectures = "spacy.TextCatEnsemble.v2"
nO = null

[components.{pipe}.model.linear_model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = {exclusive}
ngram_size = {ngram}
no_output_layer = false
length = {length}

[components.{pipe}.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.{pipe}.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 64
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [5000, 1000, 2500, 2500]
include_static_vectors = false

[components.{pipe}.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 64
depth = 2
window_size = 1
maxout_pieces = 3

[training]
seed = {seed}

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = {lr}
L2 = 0.0
"""

# name: (architecture, ngram, input with hints, epochs)
VARIANTS: dict[str, dict[str, Any]] = {
    "bow1": {"arch": "bow", "ngram": 1, "hinted": False, "epochs": 8},
    "bow2": {"arch": "bow", "ngram": 2, "hinted": False, "epochs": 8},
    "bow1h": {"arch": "bow", "ngram": 1, "hinted": True, "epochs": 8},
    "bow2h": {"arch": "bow", "ngram": 2, "hinted": True, "epochs": 8},
    "ens2h": {"arch": "ensemble", "ngram": 2, "hinted": True, "epochs": 6},
}
LR = 0.005  # Adam; spaCy's default 0.001 left the BOW tags model predicting nothing
BATCH = 64
LENGTH = 262144  # spaCy's default hash-table length for TextCatBOW
MAX_SECTION_CHARS = 4000  # a section's content is cut here (a few long pages are 100 KB)


def build(task: str, variant: dict[str, Any], seed: int = SEED):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.util import load_model_from_config, registry
    from thinc.api import Config

    pipe = "textcat_multilabel" if task == "tags" else "textcat"
    tmpl = BOW if variant["arch"] == "bow" else ENSEMBLE
    text = tmpl.format(
        pipe=pipe,
        exclusive="false" if task == "tags" else "true",
        ngram=variant["ngram"],
        length=LENGTH,
        seed=seed,
        lr=variant.get("lr", LR),
    )
    cfg = Config().from_str(text)
    spacy.util.fix_random_seed(seed)
    nlp = load_model_from_config(cfg, auto_fill=True, validate=True)
    optimizer = registry.resolve({"o": cfg["training"]["optimizer"]})["o"]
    return nlp, pipe, optimizer


def labels_of(task: str) -> tuple[str, ...]:
    return {"genre": GENRES, "class": CLASSES, "tags": TAGS}[task]


def train(
    task: str,
    variant: dict[str, Any],
    texts: list[str],
    xs: list[Example],
    seed: int = SEED,
    epochs: int | None = None,
):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.training import Example as SpExample
    from spacy.util import minibatch

    nlp, pipe, optimizer = build(task, variant, seed)
    labs = labels_of(task)
    tc = nlp.get_pipe(pipe)
    for lab in labs:
        tc.add_label(lab)
    docs = list(nlp.make_doc(t) for t in texts)
    if task == "tags":
        cats = [{t: float(t in e.tags) for t in labs} for e in xs]
    else:
        cats = [{lab: float(e.label == lab) for lab in labs} for e in xs]
    exs = [SpExample.from_dict(d, {"cats": c}) for d, c in zip(docs, cats, strict=True)]
    spacy.util.fix_random_seed(seed)
    nlp.initialize(lambda: exs[:200], sgd=optimizer)
    rng = random.Random(seed)
    order = list(range(len(exs)))
    for _ in range(epochs or variant["epochs"]):
        rng.shuffle(order)
        for batch in minibatch([exs[i] for i in order], size=variant.get("batch", BATCH)):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def predict(nlp, texts: list[str]) -> list[dict[str, float]]:  # type: ignore[no-untyped-def]
    return [dict(d.cats) for d in nlp.pipe(texts, batch_size=256)]


class Lookup:
    """A stand-in for a LinearModel in `bank.measure`: probabilities looked up by example key."""

    def __init__(self, probs: dict[str, dict[str, float]]) -> None:
        self.probs = probs

    def proba(self, features: list[str]) -> dict[str, float]:
        return self.probs[features[0]]


def keyed(xs: list[Example], prefix: str) -> list[Example]:
    return [
        Example(e.source, e.path, [f"{prefix}{i}"], e.label, e.tags, e.hint)
        for i, e in enumerate(xs)
    ]


# ---------------------------------------------------------------------------------------------
# Measures


def tag_figures(
    xs: list[Example], probs: list[dict[str, float]], thresholds: dict[str, float]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for t in TAGS:
        row: dict[str, Any] = {"n": sum(t in e.tags for e in xs)}
        for name, thr in (("0.5", 0.5), ("thr", thresholds.get(t, 1.01))):
            tp = sum(1 for e, p in zip(xs, probs, strict=True) if p[t] >= thr and t in e.tags)
            fp = sum(1 for e, p in zip(xs, probs, strict=True) if p[t] >= thr and t not in e.tags)
            fn = row["n"] - tp
            pr = tp / (tp + fp) if tp + fp else 0.0
            rc = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
            row[name] = {"p": round(pr, 3), "r": round(rc, 3), "f1": round(f1, 3), "threshold": thr}
        out[t] = row
    return out


def folds(sources: list[str], k: int = 4) -> list[list[str]]:
    """Grouped k-fold: sources dealt round-robin by size (largest first), fixed."""
    return [sources[i::k] for i in range(k)]


def oof(fit_predict, xs: list[Example], groups: list[list[str]]) -> list[dict[str, float] | None]:  # type: ignore[no-untyped-def]
    out: list[dict[str, float] | None] = [None] * len(xs)
    for held in groups:
        hs = set(held)
        tr = [i for i, e in enumerate(xs) if e.source not in hs]
        te = [i for i, e in enumerate(xs) if e.source in hs]
        if not tr or not te:
            continue
        for i, p in zip(te, fit_predict(tr, te), strict=True):
            out[i] = p
    return out


def thresholds_from(
    train_mod, gx: list[Example], g_oof, sx: list[Example], c_oof, t_oof, targets: dict[str, Any]
) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return train_mod.choose_thresholds(
        [(e, p) for e, p in zip(gx, g_oof, strict=True) if p is not None],
        [(e, p) for e, p in zip(sx, c_oof, strict=True) if p is not None],
        [(e, p) for e, p in zip(sx, t_oof, strict=True) if p is not None],
        targets,
    )


def rotation_figure(xs: list[Example], probs, labels) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    rows = [
        (e.label, argmax(p, labels)[0]) for e, p in zip(xs, probs, strict=True) if p is not None
    ]
    return confusion(rows, labels)


def dir_size(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


def summary(res: dict[str, Any], tags: dict[str, Any]) -> dict[str, Any]:
    g, c, ct = res["genre"], res["class"], res["class_with_thresholds"]
    return {
        "genre_acc": g["accuracy"],
        "genre_macro_f1": g["macro_f1"],
        "gate": {k: (v["precision"], v["recall"], v["confirmed"]) for k, v in res["gate"].items()},
        "class_acc": c["accuracy"],
        "class_macro_f1": c["macro_f1"],
        "class_thr_acc": ct["accuracy"],
        "class_thr_macro_f1": ct["macro_f1"],
        "class_per": {k: (v["p"], v["r"], v["f1"]) for k, v in c["per_label"].items()},
        "class_thr_per": {k: (v["p"], v["r"], v["f1"]) for k, v in ct["per_label"].items()},
        "class_matrix": c["matrix"],
        "class_thr_matrix": ct["matrix"],
        "tags_f1_05": {t: tags[t]["0.5"]["f1"] for t in TAGS},
        "tags": tags,
    }


# ---------------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = collect(Path(args.cache) if args.cache else None)
    gx, sx, sec, st = data["gx"], data["sx"], data["sec"], data["st"]
    split = bank.load_split(CORPUS)
    test_sources = set(split["test"])
    targets = split["precision"]
    tr_g = [i for i, e in enumerate(gx) if e.source not in test_sources]
    te_g = [i for i, e in enumerate(gx) if e.source in test_sources]
    tr_s = [i for i, e in enumerate(sx) if e.source not in test_sources]
    te_s = [i for i, e in enumerate(sx) if e.source in test_sources]
    train_g, test_g = [gx[i] for i in tr_g], [gx[i] for i in te_g]
    train_s, test_s = [sx[i] for i in tr_s], [sx[i] for i in te_s]
    print(
        f"sections {len(train_g)} train / {len(test_g)} test; statements {len(train_s)} / "
        f"{len(test_s)}",
        flush=True,
    )
    size = Counter(e.source for e in train_g) + Counter(e.source for e in train_s)
    train_sources = sorted(size, key=lambda s: (-size[s], s))
    groups = folds(train_sources, 4)
    print(f"4 folds over training sources: {groups}", flush=True)
    tmod = _train_module()
    results: dict[str, Any] = {"folds": groups}
    path_json = out / "results.json"
    if path_json.exists():
        results.update(json.loads(path_json.read_text()))

    def save() -> None:
        path_json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")

    variants = [v for v in args.variants.split(",") if v]

    if "linear" in variants:
        from stratlint.understand.learn import models

        m = models.get()
        assert m is not None
        kg, ks = keyed(test_g, "g"), keyed(test_s, "s")
        t0 = time.perf_counter()
        gp = {f"g{i}": m.genre.proba(e.features) for i, e in enumerate(test_g)}
        tg = time.perf_counter() - t0
        t0 = time.perf_counter()
        cp = {f"s{i}": m.cls.proba(e.features) for i, e in enumerate(test_s)}
        tc = time.perf_counter() - t0
        t0 = time.perf_counter()
        tp = [m.tags.proba(e.features) for e in test_s]  # type: ignore[union-attr]
        tt = time.perf_counter() - t0
        shipped = measure(Lookup(gp), Lookup(cp), m.thresholds, kg, ks)
        # direct, to prove the Lookup path gives the same figures as eval --bank
        direct = measure(m.genre, m.cls, m.thresholds, test_g, test_s)
        assert direct["genre"] == shipped["genre"] and direct["class"] == shipped["class"]
        row = summary(shipped, tag_figures(test_s, tp, m.thresholds["tags"]))
        row["rotation_loso_class_macro_f1"] = json.loads(
            (ROOT / "rules" / "models" / "report.json").read_text()
        )["rotation"]["class"]["macro_f1"]
        row["thresholds"] = m.thresholds
        row["us_per_section"] = round(tg / len(test_g) * 1e6, 1)
        row["us_per_statement_class"] = round(tc / len(test_s) * 1e6, 1)
        row["us_per_statement_tags"] = round(tt / len(test_s) * 1e6, 1)
        row["bytes"] = (
            dir_size(ROOT / "rules" / "models")
            - (ROOT / "rules" / "models" / "report.json").stat().st_size
        )
        results["linear_shipped"] = row
        save()
        # the same linear recipe, thresholds and rotation from the grouped 4-fold
        t0 = time.perf_counter()

        def lin(kind, xs):  # type: ignore[no-untyped-def]
            def fp(tr, te):  # type: ignore[no-untyped-def]
                mod = tmod._fit(kind, [xs[i] for i in tr])
                return [mod.proba(xs[i].features) for i in te]

            return fp

        g_oof = oof(lin("genre", train_g), train_g, groups)
        c_oof = oof(lin("class", train_s), train_s, groups)
        t_oof = oof(lin("tags", train_s), train_s, groups)
        thr = thresholds_from(tmod, train_g, g_oof, train_s, c_oof, t_oof, targets)
        res = measure(Lookup(gp), Lookup(cp), thr, kg, ks)
        row = summary(res, tag_figures(test_s, tp, thr["tags"]))
        row["thresholds"] = thr
        row["rotation4_class_macro_f1"] = rotation_figure(train_s, c_oof, CLASSES)["macro_f1"]
        row["rotation4_genre_acc"] = rotation_figure(train_g, g_oof, GENRES)["accuracy"]
        row["seconds_4fold"] = round(time.perf_counter() - t0, 1)
        results["linear_4fold_thresholds"] = row
        save()
        print("linear done", flush=True)

    for name in variants:
        if name == "linear":
            continue
        v = dict(VARIANTS[name])
        if args.epochs:
            v["epochs"] = args.epochs
        print(f"== {name} {v}", flush=True)
        gtexts = [section_text(s, v["hinted"], MAX_SECTION_CHARS) for s in sec]
        stexts = [statement_text(s, v["hinted"]) for s in st]
        gtr, gte = [gtexts[i] for i in tr_g], [gtexts[i] for i in te_g]
        str_, ste = [stexts[i] for i in tr_s], [stexts[i] for i in te_s]
        row: dict[str, Any] = {"variant": v}
        t0 = time.perf_counter()
        models_ = {}
        for task, texts, xs in (
            ("genre", gtr, train_g),
            ("class", str_, train_s),
            ("tags", str_, train_s),
        ):
            t1 = time.perf_counter()
            models_[task] = train(task, v, texts, xs)
            row[f"train_seconds_{task}"] = round(time.perf_counter() - t1, 1)
            print(f"  {task} trained in {row[f'train_seconds_{task}']} s", flush=True)
        t1 = time.perf_counter()
        gprob = predict(models_["genre"], gte)
        row["us_per_section"] = round((time.perf_counter() - t1) / len(gte) * 1e6, 1)
        t1 = time.perf_counter()
        cprob = predict(models_["class"], ste)
        row["us_per_statement_class"] = round((time.perf_counter() - t1) / len(ste) * 1e6, 1)
        t1 = time.perf_counter()
        tprob = predict(models_["tags"], ste)
        row["us_per_statement_tags"] = round((time.perf_counter() - t1) / len(ste) * 1e6, 1)
        sizes = {}
        for task, nlp in models_.items():
            d = out / f"model-{name}-{task}"
            if d.exists():
                shutil.rmtree(d)
            nlp.to_disk(d)
            sizes[task] = dir_size(d)
        row["bytes"] = sizes
        (out / f"pred-{name}.json").write_text(
            json.dumps({"genre": gprob, "class": cprob, "tags": tprob})
        )
        kg, ks = keyed(test_g, "g"), keyed(test_s, "s")
        gp = {f"g{i}": p for i, p in enumerate(gprob)}
        cp = {f"s{i}": p for i, p in enumerate(cprob)}
        # at argmax / 0.5 first (no thresholds needed): report early figures
        half = {"genre": {k: 0.5 for k in MATERIAL}, "class": {c: 0.0 for c in CLASSES}}
        res = measure(Lookup(gp), Lookup(cp), half, kg, ks)
        row["argmax"] = summary(res, tag_figures(test_s, tprob, {}))
        results[name] = row
        save()
        print(
            f"  test: genre acc {res['genre']['accuracy']} mF1 {res['genre']['macro_f1']}; "
            f"class acc {res['class']['accuracy']} mF1 {res['class']['macro_f1']}; "
            f"tags F1@0.5 {row['argmax']['tags_f1_05']}",
            flush=True,
        )
        if args.no_folds:
            continue
        t2 = time.perf_counter()

        def tc(task, texts, xs, v=v):  # type: ignore[no-untyped-def]
            def fp(tr, te):  # type: ignore[no-untyped-def]
                nlp = train(task, v, [texts[i] for i in tr], [xs[i] for i in tr])
                return predict(nlp, [texts[i] for i in te])

            return fp

        g_oof = oof(tc("genre", gtr, train_g), train_g, groups)
        c_oof = oof(tc("class", str_, train_s), train_s, groups)
        t_oof = oof(tc("tags", str_, train_s), train_s, groups)
        thr = thresholds_from(tmod, train_g, g_oof, train_s, c_oof, t_oof, targets)
        res = measure(Lookup(gp), Lookup(cp), thr, kg, ks)
        row.update(summary(res, tag_figures(test_s, tprob, thr["tags"])))
        row["thresholds"] = thr
        row["rotation4_class_macro_f1"] = rotation_figure(train_s, c_oof, CLASSES)["macro_f1"]
        row["rotation4_genre_acc"] = rotation_figure(train_g, g_oof, GENRES)["accuracy"]
        row["seconds_4fold"] = round(time.perf_counter() - t2, 1)
        results[name] = row
        save()
        print(
            f"  4-fold: class mF1 {row['rotation4_class_macro_f1']}, genre acc "
            f"{row['rotation4_genre_acc']}; gate {row['gate']}; class thr mF1 "
            f"{row['class_thr_macro_f1']}",
            flush=True,
        )
    return 0


def determinism(args: argparse.Namespace) -> int:
    data = collect(Path(args.cache) if args.cache else None)
    split = bank.load_split(CORPUS)
    test_sources = set(split["test"])
    v = dict(VARIANTS[args.variant])
    if args.epochs:
        v["epochs"] = args.epochs
    sx, st = data["sx"], data["st"]
    tr = [i for i, e in enumerate(sx) if e.source not in test_sources]
    te = [i for i, e in enumerate(sx) if e.source in test_sources]
    texts = [statement_text(s, v["hinted"]) for s in st]
    runs = []
    for k in range(2):
        nlp = train("class", v, [texts[i] for i in tr], [sx[i] for i in tr])
        runs.append(predict(nlp, [texts[i] for i in te]))
        print(f"run {k + 1} trained", flush=True)
    diff = max(abs(a[c] - b[c]) for a, b in zip(*runs, strict=True) for c in CLASSES)
    flips = sum(argmax(a, CLASSES)[0] != argmax(b, CLASSES)[0] for a, b in zip(*runs, strict=True))
    other = Path(args.out) / f"pred-{args.variant}.json"
    cross = None
    if other.exists():
        prev = json.loads(other.read_text())["class"]
        cross = max(abs(a[c] - b[c]) for a, b in zip(runs[0], prev, strict=True) for c in CLASSES)
    print(
        json.dumps(
            {
                "variant": args.variant,
                "n": len(te),
                "max_abs_diff_same_process": diff,
                "argmax_flips": flips,
                "max_abs_diff_vs_run_command": cross,
            }
        )
    )
    return 0


def _bucket(p: float) -> str:
    return "hi" if p >= 0.8 else "mid" if p >= 0.5 else "lo" if p >= 0.2 else "no"


def stack(args: argparse.Namespace) -> int:
    """textcat's class probabilities as extra features of the linear class model: textcat's
    out-of-fold predictions (grouped 4-fold) on the training sources, its full model's on the
    test sources; the linear model fitted with train.py's recipe on features + `tc:` buckets."""
    data = collect(Path(args.cache) if args.cache else None)
    split = bank.load_split(CORPUS)
    test_sources = set(split["test"])
    v = dict(VARIANTS[args.variant])
    if args.epochs:
        v["epochs"] = args.epochs
    sx, st = data["sx"], data["st"]
    tr = [i for i, e in enumerate(sx) if e.source not in test_sources]
    te = [i for i, e in enumerate(sx) if e.source in test_sources]
    texts = [statement_text(s, v["hinted"]) for s in st]
    train_s, test_s = [sx[i] for i in tr], [sx[i] for i in te]
    ttr, tte = [texts[i] for i in tr], [texts[i] for i in te]
    size = Counter(e.source for e in train_s)
    groups = folds(sorted(size, key=lambda s: (-size[s], s)), 4)

    def fp(a, b):  # type: ignore[no-untyped-def]
        nlp = train("class", v, [ttr[i] for i in a], [train_s[i] for i in a])
        return predict(nlp, [ttr[i] for i in b])

    c_oof = oof(fp, train_s, groups)
    full = predict(train("class", v, ttr, train_s), tte)

    def plus(e: Example, p: dict[str, float]) -> Example:
        extra = [f"tc:{argmax(p, CLASSES)[0]}"] + [f"tc_{c}:{_bucket(p[c])}" for c in CLASSES]
        return Example(e.source, e.path, list(e.features) + extra, e.label, e.tags, e.hint)

    tmod = _train_module()
    s_train = [plus(e, p) for e, p in zip(train_s, c_oof, strict=True)]  # type: ignore[arg-type]
    s_test = [plus(e, p) for e, p in zip(test_s, full, strict=True)]
    model = tmod._fit("class", s_train)
    rows = [(e.label, argmax(model.proba(e.features), CLASSES)[0]) for e in s_test]
    test_fig = confusion(rows, CLASSES)
    tc_alone = confusion(
        [(e.label, argmax(p, CLASSES)[0]) for e, p in zip(test_s, full, strict=True)], CLASSES
    )

    def lin(a, b):  # type: ignore[no-untyped-def]
        m = tmod._fit("class", [s_train[i] for i in a])
        return [m.proba(s_train[i].features) for i in b]

    rot = rotation_figure(s_train, oof(lin, s_train, groups), CLASSES)
    out = {
        "variant": args.variant,
        "test_class_acc": test_fig["accuracy"],
        "test_class_macro_f1": test_fig["macro_f1"],
        "test_per_label": test_fig["per_label"],
        "test_matrix": test_fig["matrix"],
        "textcat_alone_test_macro_f1": tc_alone["macro_f1"],
        "rotation4_class_macro_f1": rot["macro_f1"],
        "note": "rotation: textcat features of the training folds come from 4-fold models "
        "that saw the held-out fold (optimistic by a little)",
    }
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / f"stack-{args.variant}.json").write_text(json.dumps(out, indent=1))
    print(json.dumps({k: v for k, v in out.items() if k not in ("test_per_label", "test_matrix")}))
    return 0


def table(args: argparse.Namespace) -> int:
    """A Markdown side-by-side table from one or more results.json (comma-separated --out)."""
    rows: dict[str, Any] = {}
    for d in args.out.split(","):
        f = Path(d) / "results.json"
        if f.exists():
            rows.update({k: v for k, v in json.loads(f.read_text()).items() if k != "folds"})
    order = [k for k in ("linear_shipped", "linear_4fold_thresholds", *VARIANTS) if k in rows]

    def g(r: dict[str, Any], *path: str) -> Any:
        for p in path:
            if not isinstance(r, dict) or p not in r:
                return "–"
            r = r[p]
        return r

    def gate(r: dict[str, Any], kind: str) -> str:
        x = g(r, "gate", kind)
        return "–" if x == "–" else f"{x[0] if x[0] is not None else '–'} / {x[1]}"

    lines = ["| figure (test sources) | " + " | ".join(order) + " |", "|---|" + "---|" * len(order)]

    def line(name: str, fn) -> None:  # type: ignore[no-untyped-def]
        lines.append(f"| {name} | " + " | ".join(str(fn(rows[k])) for k in order) + " |")

    def am(r: dict[str, Any], *path: str) -> Any:
        return g(r, *path) if "argmax" not in r else g(r["argmax"], *path)

    line("genre accuracy", lambda r: am(r, "genre_acc"))
    line("genre macro-F1", lambda r: am(r, "genre_macro_f1"))
    for kind in ("strategy", "plan", "goals"):
        line(f"gate {kind}: precision / recall", lambda r, k=kind: gate(r, k))
    line("class accuracy", lambda r: am(r, "class_acc"))
    line("class macro-F1", lambda r: am(r, "class_macro_f1"))
    for c in CLASSES:
        line(f"  {c} P / R / F1", lambda r, c=c: "/".join(str(x) for x in am(r, "class_per", c)))
    line("class macro-F1, below threshold → CONTEXT", lambda r: g(r, "class_thr_macro_f1"))
    line(
        "class macro-F1, rotation over training sources (4-fold by source)",
        lambda r: g(r, "rotation4_class_macro_f1"),
    )
    line("genre accuracy, rotation (4-fold by source)", lambda r: g(r, "rotation4_genre_acc"))
    for t in TAGS:
        line(f"tag {t}: F1 at 0.5", lambda r, t=t: am(r, "tags", t, "0.5", "f1"))
        line(
            f"tag {t}: P / R at its threshold",
            lambda r, t=t: (
                f"{g(r, 'tags', t, 'thr', 'p')} / {g(r, 'tags', t, 'thr', 'r')} "
                f"(≥{g(r, 'tags', t, 'thr', 'threshold')})"
            ),
        )
    line("µs per section (genre)", lambda r: g(r, "us_per_section"))
    line("µs per statement (class)", lambda r: g(r, "us_per_statement_class"))
    line("µs per statement (tags)", lambda r: g(r, "us_per_statement_tags"))
    line(
        "size on disk, MB",
        lambda r: (
            "–"
            if g(r, "bytes") == "–"
            else round(
                (sum(r["bytes"].values()) if isinstance(r["bytes"], dict) else r["bytes"]) / 1e6, 1
            )
        ),
    )
    print("\n".join(lines))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("command", choices=("run", "determinism", "stack", "table"))
    ap.add_argument("--variants", default="linear,bow1,bow2,bow1h,bow2h")
    ap.add_argument("--variant", default="bow2h")
    ap.add_argument("--epochs", type=int, default=0, help="override every variant's epochs")
    ap.add_argument("--no-folds", action="store_true", help="skip the grouped 4-fold")
    ap.add_argument("--out", default="/tmp/textcat-compare")
    ap.add_argument(
        "--cache",
        default="/tmp/textcat-compare-examples.pkl",
        help="pickle of the examples (delete it when the bank or parser changes)",
    )
    args = ap.parse_args()
    commands = {"run": run, "determinism": determinism, "stack": stack, "table": table}
    return commands[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
