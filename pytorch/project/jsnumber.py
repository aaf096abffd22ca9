"""How JavaScript reads and prints numbers, where the app's CSV reader relies on it: a cell is a
number when JavaScript's Number() reads it as a finite one (but "0x1A" is text), and a category
label of a numeric column is the number as JavaScript prints it ("7" for "007", "0.5")."""

import math
import re
from decimal import Decimal

_DECIMAL = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$", re.ASCII)
_JS_INFINITY = re.compile(r"^[+-]?Infinity$")
_RADIX = re.compile(r"^[+-]?0[xXbBoO]")
_RADIX_BODY = re.compile(r"^0([xX][0-9a-fA-F]+|[bB][01]+|[oO][0-7]+)$")
DECIMAL_COMMA = re.compile(r"^[+-]?\d*,\d+$", re.ASCII)
INFINITE = re.compile(r"^[+-]?(inf|infinity)$", re.IGNORECASE)


def js_number(text: str) -> float:
    """Number(text) for a trimmed, non-empty cell: a float, ±inf, or nan."""
    if _DECIMAL.match(text):
        return float(text)
    if _JS_INFINITY.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _RADIX_BODY.match(text):  # Number() reads unsigned radix literals; the reader calls them text anyway
        return float(int(text, 0))
    return math.nan


def radix_prefixed(text: str) -> bool:
    return bool(_RADIX.match(text))


def js_string(v: float) -> str:
    """String(v) for a double, as ECMAScript's Number::toString prints it (shortest round trip)."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0:
        return "0"
    sign = "-" if v < 0 else ""
    digits_tuple, exponent = Decimal(repr(abs(v))).as_tuple()[1:]
    digits = "".join(map(str, digits_tuple)).lstrip("0")
    stripped = digits.rstrip("0")
    exponent += len(digits) - len(stripped)
    digits = stripped
    k = len(digits)
    n = k + exponent  # v = 0.d₁d₂…d_k × 10ⁿ
    if k <= n <= 21:
        body = digits + "0" * (n - k)
    elif 0 < n <= 21:
        body = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        body = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + body
