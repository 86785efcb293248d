"""Fit the points scorer (rules/points-scorer.yaml) on the labelled development sets.

Each labelled grievance, given as the case system would give it, is weighed against its letter by the
same code a check runs (what the resident asks for is left to the matcher's request rules, as in a check) (points.weigh: the matcher's coverage, the embedding similarities); a logistic
regression (scikit-learn, which the embeddings extra brings in) learns how much each figure says.
Before fitting on all of them, each set is held out in turn and predicted by a model fitted on the
others: those figures, printed, say how well the weights carry to letters the fit never saw.

Blind sets are never read here. Usage (needs the embeddings extra):
    python scripts/train_points_scorer.py [--write] [SET ...]   (default: every development set)
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from responsecheck import nlp as pipeline
from responsecheck.analysis import analyse
from responsecheck.evaluate import blind
from responsecheck.evaluate_points import load_pairs
from responsecheck.options import CheckOptions
from responsecheck.points import weigh
from responsecheck.points.embeddings import encoder
from responsecheck.points.score import figures, scorer
from responsecheck.readers import read_path

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules" / "points-scorer.yaml"
#: Mild regularisation: five figures, several hundred points.
STRENGTH = 10.0
DEVELOPMENT_SETS = ["dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5"]
#: Thresholds whose held-out figures are printed (the rules file's own is always among them).
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def rows(set_name: str) -> tuple[list[list[float]], list[bool], list[bool]]:
    """Figures, truth (True: not answered) and the matcher's own decision (True: answered) for every
    labelled grievance of a set (not the requests: the scorer never decides those)."""
    set_dir = ROOT / "corpora" / "points" / set_name
    if blind(f"points-{set_name}"):
        raise SystemExit(f"{set_name} is a blind set: it is never used to fit the scorer.")
    embedder = encoder()
    if embedder is None:
        raise SystemExit("The embeddings extra is not installed (or RESPONSECHECK_EMBEDDINGS=off).")
    nlp = pipeline.load()
    features = scorer().features
    x, y, matched = [], [], []
    for label in load_pairs(set_dir):
        analysis = analyse(read_path(set_dir / label.letter), nlp, pipeline.model_name(nlp))
        options = CheckOptions(complaint_points=tuple(p.quote for p in label.points))
        weighed, _ = weigh(analysis, nlp, options, embedder)
        for truth, item in zip(label.points, weighed, strict=True):
            assert item.near is not None
            if item.point.request:
                continue
            values = figures(item.coverage, item.near)
            x.append([values[f] for f in features])
            y.append(truth.status == "not_addressed")
            matched.append(bool(item.matches))
    return x, y, matched


def _precision_recall(predicted: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    hits = int((predicted & truth).sum())
    return hits / max(1, int(predicted.sum())), hits / max(1, int(truth.sum()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=DEVELOPMENT_SETS)
    parser.add_argument("--write", action="store_true", help="write the fitted weights into the rules file")
    args = parser.parse_args()
    data = {name: rows(name) for name in args.sets}
    rules = scorer()
    # each set predicted by a model fitted on the others: (set, truth, probability, matcher's unanswered)
    held_out: list[tuple[str, bool, float, bool]] = []
    for held in args.sets:
        train = [name for name in args.sets if name != held]
        x = np.array([r for name in train for r in data[name][0]])
        y = np.array([t for name in train for t in data[name][1]])
        model = LogisticRegression(C=STRENGTH).fit(x, y)
        probability = model.predict_proba(np.array(data[held][0]))[:, 1]
        held_out.extend((held, t, float(p), not m)
                        for t, p, m in zip(data[held][1], probability, data[held][2], strict=True))
    truth = np.array([h[1] for h in held_out])
    print("not_addressed precision / recall, each set predicted by a model fitted on the others:")
    for threshold in sorted({*THRESHOLDS, rules.threshold}):
        decided = np.array([h[2] >= threshold for h in held_out])
        by_set = "  ".join(f"{name} %.2f/%.2f" % _precision_recall(decided[[h[0] == name for h in held_out]],
                                                                   truth[[h[0] == name for h in held_out]])
                           for name in args.sets)
        mark = "  <- rules file" if threshold == rules.threshold else ""
        print(f"  threshold {threshold:.2f}: pooled %.2f/%.2f   {by_set}{mark}" % _precision_recall(decided, truth))
    p, r = _precision_recall(np.array([h[3] for h in held_out]), truth)
    print(f"the matcher alone (its rules tuned on some of these sets): {p:.2f}/{r:.2f}")
    x = np.array([r for name in args.sets for r in data[name][0]])
    y = np.array([t for name in args.sets for t in data[name][1]])
    model = LogisticRegression(C=STRENGTH).fit(x, y)
    weights = [round(float(w), 3) for w in model.coef_[0]]
    intercept = round(float(model.intercept_[0]), 3)
    print(f"fitted on {len(y)} grievances ({int(y.sum())} not answered): weights {weights}, intercept {intercept}")
    if args.write:
        text = RULES.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^weights: .*$", f"weights: {weights}", text)
        text = re.sub(r"(?m)^intercept: .*$", f"intercept: {intercept}", text)
        RULES.write_text(text, encoding="utf-8")
        print(f"written to {RULES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
