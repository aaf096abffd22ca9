"""The app's seeded random numbers (src/core/rng.ts), bit for bit: mulberry32 and its Fisher–Yates
shuffle, so the same seed gives the same split, the same batch order and PCGrad's projection order."""

M32 = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    """Math.imul: the low 32 bits of a·b, as an unsigned integer."""
    return (a * b) & M32


class Mulberry32:
    """createRng(seed): floats in [0, 1); `state` is the whole generator (one 32-bit integer)."""

    def __init__(self, seed: int):
        self.state = seed & M32

    def __call__(self) -> float:
        self.state = (self.state + 0x6D2B79F5) & M32
        t = self.state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & M32
        return ((t ^ (t >> 14)) & M32) / 4294967296


def shuffle_in_place(items, rng) -> list:
    """shuffleInPlace: Fisher–Yates from the end, j = floor(rng() · (i + 1))."""
    for i in range(len(items) - 1, 0, -1):
        j = int(rng() * (i + 1))
        items[i], items[j] = items[j], items[i]
    return items
