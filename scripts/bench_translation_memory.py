"""Benchmark: translation-memory lookups at 100,000 segments (prints figures; not a test).

    .venv/bin/python scripts/bench_translation_memory.py            # scratch SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hc_bench_tm \
        .venv/bin/python scripts/bench_translation_memory.py        # a scratch PostgreSQL database

It WRITES to that database (without DATABASE_URL: var/bench-memory.sqlite3): give it a scratch
one. The first run migrates and fills the memory with 100,000 generated Vietnamese segments of
5 to 60 words (reused afterwards). Then it times, over 300 lookups each, the desk's two lookups:
an exact match (the source-hash index) and fuzzy matches (first/last word and length-band
indexes, then ranking in Python), for segments that are in the memory with one word changed.
Target: a few milliseconds per lookup, whatever the size of the memory.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hanoi_creative.settings.dev")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench-memory.sqlite3'}"
    (ROOT / "var").mkdir(exist_ok=True)

SEGMENTS = 100_000
LOOKUPS = 300
SYLLABLES = (
    "hà nội thành phố sáng tạo thiết kế văn hóa di sản phát triển bền vững công nghiệp kinh tế "
    "người dân đô thị làng nghề truyền thống mạng lưới quốc tế chương trình hành động giáo dục "
    "sức mạnh mềm trung tâm không gian công cộng lễ hội triển lãm nghệ thuật kiến trúc phố cổ "
    "hồ gươm sông hồng năm tháng ngày ủy ban nhân dân thủ đô dự án đầu tư xây dựng tuyến đường "
    "giao thông môi trường xanh thông minh hiện đại đáng sống hòa bình hợp tác doanh nghiệp trẻ "
    "sinh viên trường đại học bảo tàng thư viện âm nhạc điện ảnh thời trang ẩm thực du lịch"
).split()


def sentence(rng):
    return " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(5, 60))).capitalize() + "."


def prepare(rng):
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    from hanoi_creative.translations import memory
    from hanoi_creative.translations.models import MemorySegment

    have = MemorySegment.objects.count()
    batch = []
    for number in range(have, SEGMENTS):
        source = sentence(rng)
        target = f"English {number}: {source[:40]}"
        batch.append(memory._row("text", source, target, f"bench.item:{number}", "body", "Bench"))
        if len(batch) == 5000:
            MemorySegment.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    MemorySegment.objects.bulk_create(batch, ignore_conflicts=True)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE translations_memorysegment")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return MemorySegment.objects.count()


def timed(function, inputs):
    times, results = [], []
    for value in inputs:
        start = time.perf_counter()
        results.append(function(value))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times, results


def main():
    import django

    django.setup()
    from django.db import connection

    from hanoi_creative.translations import memory
    from hanoi_creative.translations.models import MemorySegment

    rng = random.Random(15)
    total = prepare(rng)
    sample = list(MemorySegment.objects.order_by("?").values_list("source", flat=True)[:LOOKUPS])
    changed = []
    for text in sample:
        words = text.split()
        words[rng.randrange(1, max(2, len(words) - 1))] = rng.choice(SYLLABLES)
        changed.append(" ".join(words))

    exact_times, exact_found = timed(lambda text: memory.exact_matches([text]), sample)
    fuzzy_times, fuzzy_found = timed(lambda text: memory.fuzzy_matches("text", text), changed)
    tokens = memory.words("text", changed[0])
    first, _last = memory._edges(tokens)
    plan = (
        MemorySegment.objects.filter(first_word=first, length__gte=len(tokens))
        .filter(length__lte=int(len(tokens) / 0.6))
        .order_by("first_word", "length")[: memory.MAX_CANDIDATES // 4]
        .explain()
    )

    def line(name, times):
        p95 = times[int(len(times) * 0.95)]
        median = statistics.median(times)
        return f"  {name:7} median {median:6.2f} ms   p95 {p95:6.2f} ms   max {times[-1]:6.2f} ms"

    print(f"Translation memory: {total} segments on {connection.vendor}; {LOOKUPS} lookups each")
    print(line("exact", exact_times))
    print(line("fuzzy", fuzzy_times))
    print(
        f"  exact found {sum(1 for r in exact_found if r)}/{LOOKUPS}; fuzzy found ≥75%: "
        f"{sum(1 for r in fuzzy_found if r)}/{LOOKUPS}"
    )
    print("  candidate query plan:")
    for row in plan.splitlines():
        print("   ", row)
    print(f"  load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
