"""Chains of phases: successor and predecessor links, with cycles spotted as they form."""

from __future__ import annotations


class Chains:
    """Successor/predecessor maps with a union-find, so a cycle is spotted in nearly O(1)."""

    def __init__(self) -> None:
        self.succ: dict[str, str] = {}
        self.pred: dict[str, str] = {}
        # Which declaration (phase id, field) made each accepted link, keyed by its source.
        self.origin: dict[str, tuple[str, str] | None] = {}
        self._root: dict[str, str] = {}

    def _find(self, x: str) -> str:
        roots = self._root
        root = roots.setdefault(x, x)
        while root != roots[root]:
            roots[root] = roots[roots[root]]  # path halving
            root = roots[root]
        return root

    def add(self, a: str, b: str, origin: tuple[str, str] | None) -> str | None:
        """Link a -> b; return None, or why not: 'succ', 'pred' or 'cycle'."""
        if self.succ.get(a) == b:
            return None
        root_a, root_b = self._find(a), self._find(b)
        # Same chain: a cycle only if b comes before a. Walking the chain costs its length,
        # but only for a link that is reported as a problem anyway.
        if root_a == root_b and self._reaches(b, a):
            return "cycle"
        if a in self.succ:
            return "succ"
        if b in self.pred:
            return "pred"
        self.succ[a] = b
        self.pred[b] = a
        self.origin[a] = origin
        self._root[root_b] = root_a
        return None

    def _reaches(self, start: str, end: str) -> bool:
        node: str | None = start
        while node is not None and node != end:
            node = self.succ.get(node)
        return node == end

    def path(self, start: str, end: str) -> list[str]:
        path = [start]
        while path[-1] != end:
            path.append(self.succ[path[-1]])
        return path
