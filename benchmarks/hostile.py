"""Hostile inputs, generated: does every one end as stored facts or as a recorded failure?

Writes ``--count`` inputs of many hostile kinds (random and truncated bytes, wrong and
mixed encodings, control, zero-width and bidi characters, megabyte single lines, deeply
nested tags, gzip bombs, JSON Lines with wrong types, absurd numbers and dates, huge
names, quotes nested a thousand deep), each batch beside one ordinary page, and ingests
them the way ``sitroom ingest`` does. Prints: inputs tried, crashes (an exception out of
the batch), pages lost (an ordinary page missing after its batch), failures recorded,
and the slowest batch. Deterministic for a given ``--seed``.

    python -m benchmarks.hostile [--count 1000] [--batch 50] [--seed 7]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sitroom.cli import run_ingest
from sitroom.settings import IngestOptions
from sitroom.store import Store

SENTENCE = "Shelling hit the outskirts of the town on Monday, killing three people, officials said. "
GOOD = "Flood waters close the bridge in Varrow\n\n" + (
    "The old bridge over the river in Varrow was closed on Monday after heavy rain, the council said. " * 4
)


def _random_bytes(rng: random.Random) -> tuple[str, bytes]:
    return "random.bin", rng.randbytes(rng.randint(0, 5000))


def _truncated_gzip(rng: random.Random) -> tuple[str, bytes]:
    data = gzip.compress((SENTENCE * 200).encode())
    return "cut.txt.gz", data[: rng.randint(1, len(data) - 1)]


def _gzip_bomb(rng: random.Random) -> tuple[str, bytes]:
    return "bomb.txt.gz", gzip.compress(b"A" * (rng.randint(30, 60) * 1024 * 1024))


def _wrong_encoding(rng: random.Random) -> tuple[str, bytes]:
    text = "Les frappes ont tué trois personnes à Idleb, selon l'Observatoire. " * 20
    codec = rng.choice(["utf-16", "latin-1", "cp1251", "utf-32"])
    mixed = text.encode(codec, "replace") + "Сирия — الضربات".encode() + text.encode("latin-1", "replace")
    return "mixed.txt", mixed


def _control_characters(rng: random.Random) -> tuple[str, bytes]:
    noise = "".join(rng.choice(["\u200b", "\u202e", "\u2066", "\x00", "\x07", "\ufeff", "\u0301"]) for _ in range(500))
    return "controls.txt", ("Strike\n\n" + SENTENCE + noise + SENTENCE).encode("utf-8", "surrogatepass")


def _long_line(rng: random.Random) -> tuple[str, bytes]:
    return "longline.txt", ("Title\n\n" + SENTENCE * rng.randint(5_000, 60_000)).encode()


def _nested_tags(rng: random.Random) -> tuple[str, bytes]:
    depth = rng.randint(10_000, 100_000)
    return "nested.html", ("<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth).encode()


def _bad_jsonl(rng: random.Random) -> tuple[str, bytes]:
    rows = [
        {"url": 5, "text": ["not", "a", "string"]},
        {"text": None},
        {"url": "https://example.org/x", "published": "99999-13-45", "text": SENTENCE},
        {"title": "x" * 50_000, "text": SENTENCE},
        "a bare string",
        {"url": "javascript:alert(1)", "text": SENTENCE},
    ]
    lines = [json.dumps(rng.choice(rows)) for _ in range(rng.randint(1, 20))] + ['{"unterminated": ']
    return "bad.jsonl", "\n".join(lines).encode()


def _absurd_facts(rng: random.Random) -> tuple[str, bytes]:
    bits = [
        "Air strikes killed 10^400 people on 31 February 2020.",
        "-3 dead after shelling in the year 99999.",
        f"At least {'9' * rng.randint(20, 400)} civilians were killed on 32/13/2020.",
        "He said " + '"' * 1000 + "the strike happened" + '"' * 1000 + ".",
        "The Ministry of " + "Very " * 5000 + "Long Names said the truce held.",
    ]
    return "absurd.txt", ("Absurd report\n\n" + " ".join(rng.sample(bits, 3))).encode()


KINDS: tuple[Callable[[random.Random], tuple[str, bytes]], ...] = (
    _random_bytes,
    _truncated_gzip,
    _gzip_bomb,
    _wrong_encoding,
    _control_characters,
    _long_line,
    _nested_tags,
    _bad_jsonl,
    _absurd_facts,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    options = replace(IngestOptions(), per_host_delay=0)
    tried = crashes = lost = 0
    failures: Counter[str] = Counter()
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for batch in range(0, args.count, args.batch):
            folder = root / f"batch{batch}"
            folder.mkdir()
            kinds = Counter()
            for i in range(min(args.batch, args.count - batch)):
                kind = rng.choice(KINDS)
                name, data = kind(rng)
                (folder / f"{i:04d}-{name}").write_bytes(data)
                kinds[kind.__name__] += 1
            (folder / "zz-good.txt").write_text(GOOD, encoding="utf-8")
            tried += sum(kinds.values())
            db = root / f"batch{batch}.db"
            started = time.perf_counter()
            try:
                with Store(db) as store:
                    summary = run_ingest(store, [str(folder)], options, quiet=True)
                for failure in summary.failures:
                    failures[re.sub(r"\d+", "N", failure.reason.split(":")[0])[:60]] += 1
            except Exception:  # what the benchmark is looking for
                crashes += 1
                print(f"CRASH in batch {batch}:\n{traceback.format_exc()}")
            elapsed = time.perf_counter() - started
            slowest = max(slowest, (elapsed, f"batch {batch} ({dict(kinds)})"))
            with Store(db) as store:
                if not any(a.title and a.title.startswith("Flood waters") for a in store.articles()):
                    lost += 1
    print(f"inputs tried: {tried}; crashes: {crashes}; ordinary pages lost: {lost}")
    print(f"failures recorded: {sum(failures.values())}")
    for reason, n in failures.most_common(12):
        print(f"  {n:>5}  {reason}")
    print(f"slowest batch: {slowest[0]:.1f} s, {slowest[1]}")


if __name__ == "__main__":
    main()
