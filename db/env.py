"""Alembic environment of spbgui.

The program runs the migrations itself when it opens a database
(spbgui.store.migrate), handing the connection in through
``config.attributes["connection"]``. Run by hand, Alembic uses the URL in
``sqlalchemy.url`` (e.g. ``alembic -x url=sqlite:///x.sqlite upgrade head``).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from spbgui.store.models import Base, is_model_object

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
        compare_type=True,
        include_name=is_model_object,  # the FTS5 search index is not a model (revision 0003)
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
