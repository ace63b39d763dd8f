"""Time the pure sequence resolver at growing sizes and print how its cost grows.

    python benchmarks/sequence_scale.py [--sizes 10000 100000 1000000] [--repeat 3]

Each size is a chain of phases where every third page links its next explicitly and the
rest follow the toctree, plus one sub-phase per ten phases and a loop per hundred, so every
step of the resolver is exercised. The best of ``--repeat`` runs is reported, with the
ratio of each size's time per phase to the smallest size's (1.0 means exactly linear).

Dictionaries of a million keys no longer fit in the processor's caches, so even a single
dictionary pass costs more per key at 1M than at 10k. The last column divides that out:
it is the resolver's ratio over the ratio of a baseline that builds and reads one dict
keyed by the same ids, measured in the same run. Near 1.0 there means linear.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import time

from sphinx_phases.core.model import PhaseDecl
from sphinx_phases.core.sequence.resolve import resolve


def manual(size: int) -> tuple[list[PhaseDecl], list[str]]:
    decls = []
    top = [i for i in range(size) if i % 10 != 9]
    following = dict(itertools.pairwise(top))
    for i in range(size):
        options: dict[str, str] = {}
        if i % 10 == 9:
            options["parent"] = f"p{i - 1}"
        elif i % 3 == 0 and i in following:
            options["next"] = f"p{following[i]}"
        if i % 100 == 50:
            options["loops_to"] = f"p{i - 50}"
        decls.append(PhaseDecl(id=f"p{i}", docname=f"d{i:07d}", line=1, title=f"P{i}", **options))
    return decls, [d.docname for d in decls]


def best_time(size: int, repeat: int) -> float:
    decls, toc = manual(size)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = resolve(decls, toc_order=toc)
        best = min(best, time.perf_counter() - start)
        assert not result.problems, result.problems[:3]
    return best


def baseline_time(size: int, repeat: int) -> float:
    """One dict built and read over the same ids: the floor of any linear pass."""
    decls, _ = manual(size)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        positions = {decl.id: i for i, decl in enumerate(decls)}
        total = 0
        for decl in reversed(decls):
            total += positions[decl.id]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    base: tuple[float, float] | None = None
    print(
        f"{'phases':>10} {'best (s)':>9} {'per phase (us)':>15} {'ratio':>6} "
        f"{'dict ratio':>11} {'normalised':>11}"
    )
    for size in args.sizes:
        seconds = best_time(size, args.repeat)
        floor = baseline_time(size, args.repeat)
        per_phase, per_key = seconds / size, floor / size
        base = base or (per_phase, per_key)
        ratio, dict_ratio = per_phase / base[0], per_key / base[1]
        print(
            f"{size:>10} {seconds:>9.3f} {per_phase * 1e6:>15.2f} {ratio:>6.2f} "
            f"{dict_ratio:>11.2f} {ratio / dict_ratio:>11.2f}"
        )


if __name__ == "__main__":
    main()
