"""Queries compiled once per shape, run many times with other values.

Building a complex queryset (Q objects, subqueries) and compiling it to SQL can cost more than the
database needs to run it: for the expert list ~6 ms of Python against ~7 ms of SQL. Queries whose
SQL depends only on their *shape* (which filters, how many values each) are therefore compiled once
per shape with stand-in values, and later runs put the real values where the stand-ins are.

Stand-ins are values no real query holds: negative integers, dates before the year 1100 and text
tokens between two U+241F characters. `StandIns` hands them out and remembers which real value each
stands for; `substitute` swaps them in the compiled parameters, including inside a LIKE pattern
("%<token>%"), which is why a value for a LIKE pattern gets a stand-in only if LIKE escapes none of
its characters. Lists get each value once, as Django's IN lookup would.
The tests compare, for many random inputs, the cached SQL and parameters with a fresh compile.
"""

import re
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from threading import Lock
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.models import Model, QuerySet, signals
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query import get_related_populators
from django.db.models.query_utils import DeferredAttribute

_INT_BASE = -7_000_000_000
_DATE_BASE_YEAR = 1000
_MARK = "\u241f"
_TOKEN = re.compile(f"{_MARK}[0-9]+{_MARK}")
LIKE_SPECIAL = frozenset("%_\\")


class StandIns:
    """Stand-in values for one query, handed out in a fixed order, so the same shape always gets the
    same stand-ins. `real` maps every stand-in (and the text form a database adapter may give a date
    stand-in) to the value it stands for."""

    def __init__(self) -> None:
        self.real: dict[Any, Any] = {}
        self._ints = 0
        self._dates = 0
        self._texts = 0

    def int(self, value: int) -> int:
        self._ints += 1
        stand_in = _INT_BASE - self._ints
        self.real[stand_in] = value
        return stand_in

    def ints(self, values) -> tuple[int, ...]:
        """Stand-ins for a list of values, each value once (an IN list drops repeats anyway)."""
        return tuple(self.int(value) for value in dict.fromkeys(values))

    def date(self, value: date | None) -> date | None:
        if value is None:
            return None
        self._dates += 1
        stand_in = date(_DATE_BASE_YEAR + self._dates, 1, 1)
        self.real[stand_in] = value
        self.real[str(stand_in)] = str(value)  # SQLite's adapter passes dates as ISO text
        return stand_in

    def text(self, value: str, *, like: bool = False) -> str | None:
        """A token for `value`, or None when it cannot have one (then the query must be compiled
        as it is): a value for a LIKE pattern (`like`) may not hold a character LIKE escapes."""
        if _MARK in value or (like and LIKE_SPECIAL & set(value)):
            return None
        self._texts += 1
        stand_in = f"{_MARK}{self._texts}{_MARK}"
        self.real[stand_in] = value
        return stand_in

    def texts(self, values, *, like: bool = False) -> tuple[str, ...] | None:
        """Tokens for a list of values, each value once; None when one of them cannot have one."""
        found = tuple(self.text(value, like=like) for value in dict.fromkeys(values))
        return None if None in found else found  # type: ignore[return-value]

    def substitute(self, params) -> list:
        real = self.real
        out = []
        for param in params:
            kind = type(param)
            if kind is int or kind is date:
                param = real.get(param, param)
            elif isinstance(param, int) and kind is not bool:
                # Django wraps some integers for PostgreSQL (psycopg's Int8): keep the wrapper.
                if int(param) in real:
                    param = kind(real[int(param)])
            elif kind is str:
                if param in real:
                    param = real[param]
                elif _MARK in param:
                    param = _TOKEN.sub(lambda m: real[m.group(0)], param)
            out.append(param)
        return out


@dataclass
class CompiledQuery:
    """A model queryset's SQL and what is needed to turn its rows into instances (as
    django.db.models.query.ModelIterable does, select_related and annotations included)."""

    sql: str
    params: tuple
    db: str
    model: type[Model]
    init_list: list[str]
    fields: tuple[int, int]
    annotation_col_map: dict[str, int]
    related_populators: list
    converters: list

    @classmethod
    def of(cls, queryset: QuerySet) -> "CompiledQuery":
        db = queryset.db
        compiler = queryset.query.get_compiler(using=db)
        sql, params = compiler.as_sql()
        select, klass_info = compiler.select, compiler.klass_info
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        columns = [s[0] for s in select[: compiler.col_count]]
        return cls(
            sql=sql,
            params=tuple(params),
            db=db,
            model=klass_info["model"],
            init_list=[f[0].target.attname for f in select[start:end]],
            fields=(start, end),
            annotation_col_map=dict(compiler.annotation_col_map or {}),
            related_populators=get_related_populators(klass_info, select, db),
            converters=list(compiler.get_converters(columns).items()),
        )

    def run(self, params, *, prepare: bool = False) -> list[Model]:
        connection = connections[self.db]
        rows = fetch_all(self.sql, params, using=self.db, prepare=prepare)
        start, end = self.fields
        make = _maker(self.model, self.init_list, self.db)
        objects = []
        for raw in rows:
            row = list(raw)
            for pos, (convs, expression) in self.converters:
                value = row[pos]
                for converter in convs:
                    value = converter(value, expression, connection)
                row[pos] = value
            obj = make(row[start:end])
            for populator in self.related_populators:
                populator.populate(row, obj)
            for name, pos in self.annotation_col_map.items():
                setattr(obj, name, row[pos])
            objects.append(obj)
        return objects


def _maker(model: type[Model], init_list: list[str], db: str) -> Callable[[list], Model]:
    """Builds an instance from its loaded values as Model.from_db does. from_db walks all of the
    model's fields for every row (an expert profile has 54; ~35 µs a row, ~0.9 ms a list page), so
    where nothing can notice the difference the values go straight into the instance's __dict__:
    the model keeps Django's from_db and __init__, no one listens to its init signals, and its
    fields' attributes set nothing (Django's own DeferredAttribute; a foreign key's, whose setter
    only clears a cached related object a new instance does not have). Fields not loaded stay
    deferred, as with from_db."""
    plain = (DeferredAttribute, ForeignKeyDeferredAttribute)
    if (
        model.from_db.__func__ is not Model.from_db.__func__  # type: ignore[attr-defined]
        or model.__init__ is not Model.__init__  # its own __init__ must run, as from_db runs it
        or signals.pre_init.has_listeners(model)
        or signals.post_init.has_listeners(model)
        or any(type(getattr(model, name, None)) not in plain for name in init_list)
    ):
        return lambda values: model.from_db(db, init_list, values)
    new = model.__new__

    def make(values: list) -> Model:
        obj = new(model)
        state = ModelState()
        state.adding = False
        state.db = db
        obj.__dict__.update(zip(init_list, values, strict=True))
        obj._state = state
        return obj

    return make


class ShapeCache:
    """Compiled queries by shape, the least recently used dropped beyond `size`. Per process; the
    compiled SQL holds no data, only stand-ins."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Hashable, build: Callable[[], QuerySet]) -> CompiledQuery:
        """The compiled model query of this shape (`build` makes its queryset with stand-ins)."""
        return self._get(key, lambda: CompiledQuery.of(build()))

    def sql(self, key: Hashable, build: Callable[[], QuerySet]) -> tuple[str, tuple]:
        """SQL and parameters of a values() / values_list() query of this shape; its rows come as
        the database gives them (no converters), so only for columns that need none."""

        def compile_sql():
            queryset = build()
            sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
            return sql, tuple(params)

        return self._get(key, compile_sql)

    def _get(self, key: Hashable, compile_entry: Callable[[], Any]) -> Any:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                return entry
        entry = compile_entry()
        with self._lock:
            self._entries[key] = entry
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return entry

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def _prepared_cursor(connection):
    """A psycopg cursor with server-side binding that prepares every statement on its connection,
    wrapped as Django wraps cursors (logged like any other query where queries are logged)."""
    from django.db.backends.postgresql.base import CursorDebugWrapper, ServerBindingCursor

    class PreparingCursor(ServerBindingCursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    class DebugWrapper(CursorDebugWrapper):
        # Django logs the statement psycopg last sent, which a prepared run does not keep: log ours.
        def execute(self, sql, params=None):
            with self.debug_sql(sql, params):
                return self._execute_with_wrappers(sql, params, many=False, executor=self._execute)

    raw = PreparingCursor(connection.connection)
    return DebugWrapper(raw, connection) if connection.queries_logged else connection.make_cursor(raw)


def fetch_all(sql: str, params, *, using: str = "default", prepare: bool = False) -> list[tuple]:
    """Run one statement and fetch its rows. With `prepare`, on PostgreSQL (unless
    INZET_DB_PREPARED_STATEMENTS is off, e.g. behind a transaction-pooling PgBouncer older than
    1.21), the statement is prepared on the connection: PostgreSQL then plans a compiled query of
    the same shape once per connection instead of on every run (5–6 ms for the page and unread
    queries), and after five runs uses one generic plan if it costs no more than the custom ones.
    Django logs the statement as any other (query counts in tests and benchmarks stay honest)."""
    connection = connections[using]
    if prepare and connection.vendor == "postgresql" and settings.INZET_DB_PREPARED_STATEMENTS:
        connection.ensure_connection()
        raw = connection.connection
        if raw.prepare_threshold is None:  # Django switches preparing off; only these cursors prepare
            raw.prepare_threshold = 2**31 - 1
        cursor = _prepared_cursor(connection)
    else:
        cursor = connection.cursor()
    with cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# psycopg keeps the parsed form of a statement (where its %s placeholders are) only for statements
# of at most 4,096 characters and 50 parameters; it parses longer ones again on every run. The
# compiled page, labels and access-log queries are longer but repeat (one text per shape), and
# parsing them cost ~2 ms per expert list. Their parsed forms are kept as well: psycopg's own cache
# (128 statements, least recently used dropped) bounds the memory.
PSYCOPG_CACHED_LENGTH = 16_384
PSYCOPG_CACHED_PARAMS = 4_096


def keep_long_queries_parsed() -> None:
    try:
        from psycopg import _queries
    except ImportError:  # SQLite only: psycopg is not needed
        return
    _queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, PSYCOPG_CACHED_LENGTH)
    _queries.MAX_CACHED_STATEMENT_PARAMS = max(_queries.MAX_CACHED_STATEMENT_PARAMS, PSYCOPG_CACHED_PARAMS)
