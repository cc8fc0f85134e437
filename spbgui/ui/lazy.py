"""Service modules the window loads when it first uses them, not when it starts.

The services that write (edit, order, removal, terms) and the search query the
database through SQLAlchemy, whose import costs more than a whole bare Qt window
(issue 17). The window's modules name them at the top as usual, through
:func:`lazy_module` (and, for the type checker, a plain import under
``TYPE_CHECKING``); the module is executed on the first use of one of its names,
which is after the first screen is shown (the window calls :func:`load_pending`
with the engine's load) or at the first action that needs it, whichever comes first.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

_pending: list[ModuleType] = []


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, executed when one of its attributes is first looked up."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    _pending.append(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    return module


def load_pending() -> None:
    """Execute every module still waiting, now, in this thread (the window's): a search's
    thread must not be the first to touch one (3.11's lazy modules are not thread-safe)."""
    while _pending:
        module = _pending.pop()
        # Any attribute looked up runs the module.
        getattr(module, "__name__")  # noqa: B009
