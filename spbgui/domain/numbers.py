"""Numbers in messages: thousands set apart with a space («1 000 000»), Russian style.

Only the number is formatted: a message built with ``{n:,}`` and then ``.replace(",", " ")``
also ate the real commas of its words.
"""

from __future__ import annotations

SEP = " "


def thousands(n: int | float) -> str:
    """``1000000`` → «1 000 000»; a fraction keeps its decimal comma."""
    if isinstance(n, float) and not n.is_integer():
        whole, _, frac = f"{n:,.2f}".partition(".")
        return whole.replace(",", SEP) + "," + frac.rstrip("0")
    return f"{int(n):,}".replace(",", SEP)
