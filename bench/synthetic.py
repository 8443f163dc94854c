"""Synthetic content for benchmarks: a copy of the project with n praktijkvoorbeelden.

    from bench.synthetic import generate
    project = generate(1000, Path("/tmp/bench/n1000"), seed=1)   # then build ``project`` with MkDocs

The copy holds everything a build reads (``mkdocs.yml``, ``docs/``, ``overrides/``,
``macros/``, ``handreiking/``, ``content/``). The real praktijkvoorbeelden stay; synthetic
ones are added until there are ``n``. They are valid under the schemas and the
cross-file checks (``generate`` runs the checker and raises if anything is wrong),
and look like the real ones:

- vocabulary values drawn with the frequencies of the real content, as many per
  field as real items carry;
- text lengths like the real ones, from the words of the real samenvattingen and
  beschrijvingen (Markdown paragraphs and a list in the beschrijving);
- some gemeenten, subcategorieen, ``zie_ook`` references and non-default statuses.

Same ``n`` and ``seed``, same files. Also a command::

    python -m bench.synthetic 1000 /tmp/bench/n1000 --seed 1
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import yaml

from handreiking.content.loader import check_content, load_content
from handreiking.content.model import Content
from handreiking.content.slugs import slugify

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "handreiking", "content")
FIELDS = ("oplossingsrichtingen", "locaties", "doelgroepen", "problematiek")
GEMEENTEN = ("Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere",
             "Breda", "Nijmegen", "Arnhem", "Zwolle", "Leeuwarden", "Maastricht", "Súdwest-Fryslân")
STATUS_WEIGHTS = {"onbekend": 80, "actief": 10, "doorontwikkeld": 6, "gestopt": 4}
_WORD = re.compile(r"[a-zà-ÿ]{3,}")


def generate(n: int, target_dir: Path, seed: int = 0) -> Path:
    """Write a project with ``n`` praktijkvoorbeelden into ``target_dir`` (emptied first); return it."""
    real = load_content(ROOT)
    if n < len(real.praktijkvoorbeelden):
        raise ValueError(f"n moet minstens {len(real.praktijkvoorbeelden)} zijn (de echte praktijkvoorbeelden)")
    target_dir = Path(target_dir)
    if target_dir.exists():
        shutil.rmtree(target_dir)
    _copy_project(target_dir)
    folder = target_dir / "content" / "interventies"
    rng = random.Random(seed)
    model = _Model(real, rng)
    for number in range(1, n - len(real.praktijkvoorbeelden) + 1):
        titel, data = model.voorbeeld(number)
        (folder / f"{slugify(titel)}.yml").write_text(_dump(data), encoding="utf-8")
    result = check_content(target_dir)
    if result.errors:
        raise RuntimeError("synthetische inhoud is ongeldig:\n" + "\n".join(map(str, result.errors[:20])))
    return target_dir


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as a block (``|``), as editors do."""


_Dumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _copy_project(target: Path) -> None:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    # The build copies the editor at /beheer/ from node_modules: linked, not copied (it is large).
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)


class _Model:
    """What real praktijkvoorbeelden look like, to draw synthetic ones from."""

    def __init__(self, content: Content, rng: random.Random):
        self.rng = rng
        voorbeelden = content.praktijkvoorbeelden
        self.frequencies = {field: Counter(v for item in voorbeelden for v in getattr(item, field)) for field in FIELDS}
        self.sizes = {field: [len(getattr(item, field)) for item in voorbeelden] for field in FIELDS}
        text = " ".join(f"{item.samenvatting} {item.beschrijving}" for item in voorbeelden).lower()
        self.words = sorted(set(_WORD.findall(text)))
        self.methodieken = [m for item in voorbeelden for m in item.methodieken]
        self.samenvatting_lengths = [len(item.samenvatting) for item in voorbeelden]
        self.beschrijving_lengths = [len(item.beschrijving) for item in voorbeelden]
        self.bronnen = content.taxonomieen["bron"].ids
        self.subcategorieen = {term.id: [sub.id for sub in term.subcategorieen]
                               for term in content.taxonomieen["oplossingsrichting"].termen}
        self.slugs: list[str] = []

    def _values(self, field: str) -> list[str]:
        counter = self.frequencies[field]
        size = self.rng.choice(self.sizes[field])
        pool, weights, chosen = list(counter), list(counter.values()), []
        while len(chosen) < size and pool:
            pick = self.rng.choices(range(len(pool)), weights)[0]
            chosen.append(pool.pop(pick))
            weights.pop(pick)
        return chosen

    def _sentence(self, low: int = 7, high: int = 16) -> str:
        words = self.rng.choices(self.words, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def _text(self, length: int) -> str:
        sentences = []
        while sum(len(s) + 1 for s in sentences) < length:
            sentences.append(self._sentence())
        return " ".join(sentences)

    def _beschrijving(self) -> str:
        length = self.rng.choice(self.beschrijving_lengths)
        paragraphs = [self._text(length // 3) for _ in range(2)]
        items = [f"- {self._sentence(3, 8).rstrip('.').lower()};" for _ in range(self.rng.randint(2, 4))]
        return "\n\n".join([paragraphs[0], "\n".join(items), paragraphs[1]]) + "\n"

    def voorbeeld(self, number: int) -> tuple[str, dict]:
        words = self.rng.sample(self.words, 2)
        titel = f"{words[0].capitalize()} {words[1]} {number:05d}"
        data: dict = {
            "titel": titel,
            "samenvatting": self._text(self.rng.choice(self.samenvatting_lengths))[:400],
            "beschrijving": self._beschrijving(),
        }
        for field in FIELDS:
            data[field] = self._values(field)
        subs = self.subcategorieen[data["oplossingsrichtingen"][0]]
        if subs and self.rng.random() < 0.6:
            data["subcategorie"] = self.rng.choice(subs)
        data["methodieken"] = self.rng.sample(self.methodieken, self.rng.randint(2, 5))
        if self.rng.random() < 0.5:
            data["gemeente"] = self.rng.choice(GEMEENTEN)
        data["status"] = self.rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
        data["bron"] = self.rng.choice(self.bronnen)
        if self.slugs and self.rng.random() < 0.2:
            data["zie_ook"] = self.rng.sample(self.slugs, min(len(self.slugs), self.rng.randint(1, 2)))
        data["gecontroleerd_op"] = (date.today() - timedelta(days=self.rng.randint(0, 600))).isoformat()
        self.slugs.append(slugify(titel))
        return titel, data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="aantal praktijkvoorbeelden in totaal")
    parser.add_argument("target", type=Path, help="map voor het project (wordt eerst geleegd)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(f"Project met {args.n} praktijkvoorbeelden in {generate(args.n, args.target, args.seed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
