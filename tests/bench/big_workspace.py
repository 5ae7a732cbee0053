"""Large workspaces for benchmarks, built once and cached under tests/artifacts/bench/.

    workspace_with_articles(n)             n news-like articles of about 100 statements
    workspace_with_one_huge_article(k)     one article of about k statements

They are built through the workspace's own verbs, as the app would: the articles are
written as .txt files and imported with ``import_files`` (one transaction, the real
text pipeline), then ``analyse_pending`` analyses and matches every article, so opening
one in the window has nothing left to compute. About one statement in six states a
fact shared with other articles, each article saying it in its own words, so matching
finds real paraphrases (and figures that clash). Every build is checked with
``claim-ledger --db PATH verify`` (the tables equal a replay of the event log) before it
is kept.

The cache key is VERSION (bump it when what is built changes), the app's
ANALYSIS_VERSION and schema revision, and the size. Benchmarks that write must work on
``copy_of(path, folder)``, never on the cached file.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import keyring
from keyring.backends.null import Keyring as NullKeyring

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "desktop") not in sys.path:
    sys.path.insert(0, str(ROOT / "desktop"))

from claimledger.store.migrate import HEAD  # noqa: E402
from claimledger.workspace import ANALYSIS_VERSION, Workspace  # noqa: E402

VERSION = "1"
CACHE = ROOT / "tests" / "artifacts" / "bench"
REVIEWER = "Bench Builder"
STATEMENTS = 100
SHARE_EVERY = 6  # one body statement in this many states a shared fact
ARTICLES_PER_FACT = 6  # how many articles state each shared fact, on average

# --- invented names: large pools, so unrelated statements rarely share rare words -----

_SYLLABLES = ["ka", "lo", "mer", "vin", "sta", "dor", "el", "ris", "tan", "bu", "quo", "zel",
              "an", "bel", "cor", "dun", "fen", "gar", "hol", "ith", "jor", "ket", "lum", "mor"]
_FIRST = ["Maria", "Tomás", "Amara", "Helena", "Łukasz", "Kofi", "Ana", "Ingrid", "Ravi",
          "Chloé", "Dmytro", "Aylin", "Oluwaseun", "Mei", "Sebastián", "Freya", "Jonas",
          "Priya", "Mateus", "Sanna", "Yusuf", "Elif", "Niamh", "Tariq", "Leila", "Bram"]
_ROLES = ["the mayor", "a council member", "the finance director", "a union spokeswoman",
          "the health minister", "an economist at the regional bank", "the port's chief "
          "executive", "the transport commissioner", "a housing campaigner", "the auditor"]
_THINGS = ["rents", "grain exports", "waiting times", "bus fares", "school places",
           "hospital admissions", "ferry crossings", "property taxes", "water bills",
           "bridge tolls", "energy prices", "tram journeys", "library visits", "fuel duty",
           "childcare fees", "parking fines", "flood claims", "harbour fees", "clinic visits",
           "rail freight", "social housing", "street repairs", "tourist numbers", "crop yields"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_ADJECTIVES = """
    rural urban coastal northern southern eastern western regional municipal private public
    seasonal emergency elderly unpaid overdue unused temporary disputed missing delayed
    cheaper costlier unsafe flooded vacant rented imported subsidised unlicensed contested
    abandoned accredited annual autumn bilingual cancelled certified crowded damaged derelict
    electric expired foreign frozen graduate harbourside hilltop idle illegal inland insured
    lakeside listed local long-term medical mobile modular night offshore organic overgrown
    part-time protected refurbished registered retired riverside shared sheltered suburban
    unfinished uninsured unsold upland vocational weekend winter wooden
    """.split()
_NOUNS = """
    landlords tenants nurses teachers farmers drivers pensioners students cyclists
    fishermen miners bakers dockworkers cleaners carers midwives pharmacists firefighters
    apartments warehouses clinics bridges ferries tunnels orchards quarries sawmills
    kindergartens depots shelters marinas dams reservoirs vineyards tramlines boatyards
    permits grants loans fines tariffs pensions wages subsidies contracts licences leases
    inspections evictions complaints vaccinations burglaries closures strikes repairs
    allotments ambulances apprentices arcades bakeries barges beekeepers boilers breweries
    bus-stops canteens caravans cinemas classrooms colleges cooperatives cottages creches
    dentists distilleries dormitories dredgers dunes fisheries foundries garages gardens
    greenhouses gyms hangars hedgerows hostels kilns laboratories laundries lighthouses
    locksmiths markets meadows mills museums nurseries observatories paddocks pavilions
    piers plumbers potteries printers railcars refineries sanatoriums schools shipyards
    silos slipways smelters stables surgeons tanneries theatres trawlers vets wharves
    """.split()
_VERBS = ["fell", "rose", "doubled", "halved", "stalled", "recovered", "tripled", "slumped",
          "climbed", "dropped", "surged", "shrank"]
_BODIES = ["Housing Trust", "Water Board", "Chamber of Commerce", "Port Authority",
           "Health Council", "Farmers' Union", "Transit Agency", "Audit Office"]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _fields(rng: random.Random) -> dict:
    """The slots of one statement, from pools large enough that two unrelated statements
    rarely share more than their shape (figures too: ~500 percentages, ~9,000 sums)."""
    a = rng.randint(3, 9)
    adjective, noun = rng.choice(_ADJECTIVES), rng.choice(_NOUNS)
    return {"person": f"{rng.choice(_FIRST)} {_word(rng, rng.randint(2, 3))}",
            "role": rng.choice(_ROLES), "place": _place(rng), "other": _place(rng),
            "thing": rng.choice(_THINGS),
            "adjective": adjective, "noun": noun, "verb": rng.choice(_VERBS),
            "body": f"the {_word(rng, 2)} {rng.choice(_BODIES)}",
            "pct": f"{rng.randint(2, 60)}.{rng.randint(1, 9)}",
            "money": f"{rng.randint(2, 990)}.{rng.randint(1, 9)}",
            "month": rng.choice(_MONTHS), "day": rng.choice(_DAYS),
            "year": rng.randint(1990, 2024), "count": rng.randint(200, 90_000),
            "years": rng.randint(5, 30), "a": a, "b": rng.randint(0, a - 1)}


def _place(rng: random.Random) -> str:
    return f"{_word(rng, 2)}{rng.choice(['', 'ton', 'by', 'mouth', 'ford'])}"


# Each group says one fact three ways; an article uses one wording of it.
_PARAPHRASES = [
    ["{person}, {role}, said spending on {adjective} {noun} in {place} rose {pct}% in "
     "{month} to ${money} million.",
     "Spending on {adjective} {noun} in {place} rose by {pct} percent in {month} to "
     "${money} million, according to {person}.",
     "In {month}, spending on {adjective} {noun} in {place} rose {pct}% to reach ${money} "
     "million, {person} said."],
    ["{person} said {count:,} {adjective} {noun} in {place} had signed a petition against "
     "the {other} bypass plan.",
     "A petition against the {other} bypass plan was signed by {count:,} {adjective} "
     "{noun} in {place}, {person} said.",
     "According to {person}, {count:,} {adjective} {noun} in {place} signed the petition "
     "against the {other} bypass plan."],
    ["The {place} council voted {a}-{b} on {day} to spend ${money} million on {adjective} "
     "{noun}.",
     "On {day}, the {place} council voted {a}-{b} to spend ${money} million on {adjective} "
     "{noun}.",
     "By a vote of {a}-{b} on {day}, the {place} council agreed to spend ${money} million "
     "on {adjective} {noun}."],
    ["{person} told reporters that {adjective} {noun} in {place} had doubled since {year}, "
     "without giving evidence.",
     "The number of {adjective} {noun} in {place} has doubled since {year}, {person} told "
     "reporters, giving no evidence.",
     "Without giving evidence, {person} claimed {adjective} {noun} in {place} had doubled "
     "since {year}."],
    ["The {place} plan for {adjective} {noun} would cost about ${money} million over "
     "{years} years, {body} said.",
     "Over {years} years the {place} plan for {adjective} {noun} would cost about ${money} "
     "million, according to {body}.",
     "According to {body}, the {adjective} {noun} plan in {place} would cost about "
     "${money} million over {years} years."],
]
# Statements of one article only: two clauses of these, joined, each with its own slots.
_CLAUSES = [
    "{person} said {adjective} {noun} in {place} {verb} {pct}% in {month}",
    "the {place} council spent ${money} million on {adjective} {noun}",
    "{count:,} {noun} in {place} signed a petition",
    "{adjective} {noun} in {other} have {verb} since {year}",
    "{body} counted {count:,} {adjective} {noun}",
    "officials in {place} would not comment on {adjective} {noun}",
    "{person} plans a review of {adjective} {noun} by {month}",
    "{thing} in {other} {verb} for a third year",
    "critics called the {adjective} {noun} scheme a tax on {other}",
    "the {years}-year plan for {adjective} {noun} would cost ${money} million",
]
_JOINS = ["while", "and", "but", "even though", "after", "as", "although", "because",
          "before", "whereas"]


def _own(rng: random.Random) -> str:
    """A statement of one article: two random clauses, or a quote of one."""
    first = rng.choice(_CLAUSES).format(**_fields(rng))
    if rng.random() < 0.15:
        return f"“{first[0].upper()}{first[1:]},” {_fields(rng)['person']} said."
    second = rng.choice(_CLAUSES).format(**_fields(rng))
    return f"{first[0].upper()}{first[1:]}, {rng.choice(_JOINS)} {second}."


def _facts(count: int, seed: int) -> list[tuple[int, dict]]:
    """The shared facts: (paraphrase group, slots)."""
    rng = random.Random(seed)
    return [(rng.randrange(len(_PARAPHRASES)), _fields(rng)) for _ in range(count)]


def _article_text(number: int, facts: list[tuple[int, dict]], rng: random.Random) -> str:
    """A headline, a byline and STATEMENTS - 2 body sentences in paragraphs of 2 to 5."""
    body = []
    for _ in range(STATEMENTS - 2):
        if facts and rng.randrange(SHARE_EVERY) == 0:
            group, slots = rng.choice(facts)
            body.append(rng.choice(_PARAPHRASES[group]).format(**slots))
        else:
            body.append(_own(rng))
    paragraphs, i = [], 0
    while i < len(body):
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(body[i:i + size]))
        i += size
    headline = f"{_word(rng, 2)} council under pressure over {rng.choice(_THINGS)} ({number})"
    byline = f"By {rng.choice(_FIRST)} {_word(rng, 3)}"
    return "\n\n".join([headline, byline, *paragraphs]) + "\n"


# --- building -------------------------------------------------------------------------


def _cached(name: str) -> Path:
    return CACHE / f"{name}-v{VERSION}-analysis{ANALYSIS_VERSION}-{HEAD}.sqlite"


def _open(path: Path) -> Workspace:
    return Workspace(path, REVIEWER, config_dir=CACHE / "config", allow_file_key=True)


@contextmanager
def _no_real_keyring():
    """The builder's throwaway key goes to a file in the cache, never the user's keyring."""
    previous = keyring.get_keyring()
    keyring.set_keyring(NullKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def _verify(path: Path) -> None:
    """`claim-ledger --db PATH verify` must pass: the tables equal a replay of the log."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"), CLAIM_LEDGER_ALLOW_FILE_KEY="1",
               XDG_CONFIG_HOME=str(CACHE / "config"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    done = subprocess.run([sys.executable, "-m", "claimledger", "--db", str(path), "--reviewer",
                           REVIEWER, "verify"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"verify failed on {path}: {done.stdout}{done.stderr}".strip())


def _build(name: str, target: Path, texts: list[str]) -> None:
    """Import the texts as files, analyse them all, verify; then move into place."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="big-workspace-", dir=CACHE) as tmp:
        folder = Path(tmp)
        paths = []
        for number, text in enumerate(texts):
            paths.append(folder / f"article-{number:05d}.txt")
            paths[-1].write_text(text, encoding="utf-8")
        building = folder / target.name
        with _no_real_keyring(), _open(building) as ws:
            ws.unlock()
            ws.import_files(paths, analyse=False)
            ws.analyse_pending()
        _verify(building)
        _checkpoint(building)
        for stale in CACHE.glob(f"{name}-v*.sqlite"):
            stale.unlink()  # the same workspace under an older key
        os.replace(building, target)


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so the .sqlite alone is the workspace."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _get(name: str, texts) -> Path:  # type: ignore[no-untyped-def]
    """The cached workspace `name`, built from `texts()` when missing."""
    target = _cached(name)
    if not target.exists():
        started = time.perf_counter()
        _build(name, target, texts())
        BUILT[target] = time.perf_counter() - started
    return target


#: Seconds each workspace took to build in this process (absent: it came from the cache).
BUILT: dict[Path, float] = {}


def workspace_with_articles(n: int) -> Path:
    """A cached, analysed, verified workspace of n articles of STATEMENTS statements."""
    def texts() -> list[str]:
        facts = _facts(max(1, n * (STATEMENTS - 2) // SHARE_EVERY // ARTICLES_PER_FACT), 17)
        rng = random.Random(n)
        return [_article_text(number, facts, rng) for number in range(n)]

    return _get(f"articles-{n}", texts)


def workspace_with_one_huge_article(statements: int = 100_000) -> Path:
    """A cached, analysed, verified workspace of one article of about `statements`."""
    def texts() -> list[str]:
        rng = random.Random(statements)
        parts = [_article_text(0, [], rng) for _ in range(max(1, statements // STATEMENTS))]
        return ["\n".join(parts)]

    return _get(f"one-article-{statements}", texts)


def copy_of(path: Path, folder: Path) -> Path:
    """A copy of a cached workspace in `folder`, for a benchmark that writes to it."""
    copy = Path(folder) / path.name
    shutil.copyfile(path, copy)
    return copy


if __name__ == "__main__":
    for count in map(int, sys.argv[1:] or ["1000"]):
        built = workspace_with_articles(count)
        print(built, f"built in {BUILT[built]:.1f} s" if built in BUILT else "cached")
