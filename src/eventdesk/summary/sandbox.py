"""The sandbox every summary template renders in, HTML and Word alike.

Why: templates are files a user may be sent ("use our office's layout"). A
plain Jinja2 environment lets a template reach Python's internals and run
any command, and lets ``{% for x in range(10**9) %}`` hang the program. Here
templates render in Jinja2's :class:`SandboxedEnvironment` (no ``_private``
attributes, no unsafe callables) with budgets on top of it:

- ``range()`` gives at most :data:`MAX_RANGE` numbers;
- ``*``, ``**``, ``%``, ``~`` and the padding filters refuse a result longer
  than :data:`MAX_VALUE_CHARS` before making it;
- every loop step, call and attribute read checks the time budget
  (:data:`MAX_SECONDS`), so nested loops stop too;
- the output stops past :data:`MAX_OUTPUT_CHARS`.

A template that breaks a rule raises :class:`TemplateLimit`, a Jinja
``SecurityError``, which the summary code reports with the file and line.
"""

from __future__ import annotations

import contextvars
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from jinja2.visitor import NodeTransformer

#: The most numbers ``range()`` gives (Jinja's own sandbox allows 100,000).
MAX_RANGE = 10_000
#: The longest string or list one operation may make (a photo's data URI fits).
MAX_VALUE_CHARS = 64 * 2**20
#: The longest output one template may write (photos are embedded in HTML).
MAX_OUTPUT_CHARS = 256 * 2**20
#: Seconds one rendering may take: generous, so that a report of ten years on a busy
#: machine is never refused; it is there to stop a template that would never end.
MAX_SECONDS = 300.0
#: The widest field a format string (``%999999d``, ``{:999999}``) may ask for.
MAX_FIELD_WIDTH = 10_000

_PADDING = {"center", "ljust", "rjust", "zfill", "expandtabs"}
_FIELD = re.compile(r"\d{5,}|\*")


class TemplateLimit(SecurityError):
    """A template went past one of the budgets (size, time, numbers)."""


_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "eventdesk_template_deadline", default=None
)


@contextmanager
def budget(seconds: float | None = None) -> Iterator[None]:
    """One rendering's time budget; a nested rendering (an include) shares the outer one."""
    if _deadline.get() is not None:
        yield
        return
    token = _deadline.set(time.monotonic() + (MAX_SECONDS if seconds is None else seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check_time() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise TemplateLimit(f"the template ran longer than {MAX_SECONDS:g} seconds and was stopped")


def _too_long(size: int) -> None:
    if size > MAX_VALUE_CHARS:
        raise TemplateLimit(
            f"the template tried to make a value of {size:,} characters "
            f"(at most {MAX_VALUE_CHARS:,})"
        )


def _check_format(spec: object) -> None:
    if isinstance(spec, str) and any(
        m.group() == "*" or int(m.group()) > MAX_FIELD_WIDTH for m in _FIELD.finditer(spec)
    ):
        raise TemplateLimit(f"a format field wider than {MAX_FIELD_WIDTH:,} characters")


def _size(value: object) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple) else 0


def bounded_range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise TemplateLimit(f"range() of {len(rng):,} numbers (at most {MAX_RANGE:,})")
    return rng


def _bounded_iter(value: Iterable[Any]) -> Iterator[Any]:
    """What every ``{% for %}`` loops over: the time budget is checked at each step."""
    for item in value:
        check_time()
        yield item


def _sized(value: Any) -> Any:
    _too_long(_size(value))
    return value


class _Guard(NodeTransformer):
    """Puts the budget checks into the template's syntax tree as it is compiled."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        node = self.generic_visit(node)
        node.iter = _filter(node.iter, "_eventdesk_iter", node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        node = self.generic_visit(node)
        return _filter(node, "_eventdesk_sized", node.lineno)


def _filter(node: nodes.Expr, name: str, lineno: int) -> nodes.Filter:
    return nodes.Filter(node, name, [], [], None, None, lineno=lineno)


def _guard_filter(name: str, original: Any) -> Any:
    """Padding and formatting filters refuse a width that would make a huge string."""

    def guarded(value: Any, *args: Any, **kwargs: Any) -> Any:
        check_time()
        if name == "format":
            _check_format(value)
        widths = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
        if name in {"center", "indent"} and any(w > MAX_FIELD_WIDTH for w in widths):
            raise TemplateLimit(f"{name} wider than {MAX_FIELD_WIDTH:,} characters")
        if name == "replace" and len(args) >= 2:
            _too_long((len(str(value)) + 1) * max(_size(args[1]), 1))
        return original(value, *args, **kwargs)

    for attr in ("jinja_pass_arg",):  # keep @pass_context / @pass_eval_context markers
        if hasattr(original, attr):
            setattr(guarded, attr, getattr(original, attr))
    return guarded


class BudgetTemplate(jinja2.Template):
    """A template whose ``render`` stops past the output and time budgets."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with budget():
            out: list[str] = []
            size = 0
            for chunk in self.generate(*args, **kwargs):
                size += len(chunk)
                if size > MAX_OUTPUT_CHARS:
                    raise TemplateLimit(
                        f"the output passed {MAX_OUTPUT_CHARS:,} characters and was stopped"
                    )
                check_time()
                out.append(chunk)
            return "".join(out)


class SafeEnvironment(SandboxedEnvironment):
    """Jinja2's sandbox with EventDesk's budgets (see the module's docstring)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    template_class = BudgetTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = bounded_range
        for name in ("center", "indent", "format", "replace"):
            self.filters[name] = _guard_filter(name, self.filters[name])
        self.filters["_eventdesk_iter"] = _bounded_iter
        self.filters["_eventdesk_sized"] = _sized

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return _Guard().visit(super()._parse(source, name, filename))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        check_time()
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(n, int) and _size(seq):
                    _too_long(_size(seq) * n)
        elif operator == "+":
            _too_long(_size(left) + _size(right))
        elif operator == "**":
            if (
                isinstance(left, int)
                and isinstance(right, int)
                and right > 0
                and max(abs(left), 2).bit_length() * right > 10_000
            ):
                raise TemplateLimit(f"{left} ** {right} is too large a number")
        elif operator == "%":
            _check_format(left)
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        check_time()
        if getattr(__obj, "__name__", None) in _PADDING and any(
            isinstance(a, int) and a > MAX_FIELD_WIDTH for a in args
        ):
            raise TemplateLimit(f"a width over {MAX_FIELD_WIDTH:,} characters")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and args:
            if __obj.__name__ == "replace" and len(args) >= 2:
                _too_long((len(owner) + 1) * max(_size(args[1]), 1))
            elif __obj.__name__ == "join":
                _too_long(len(owner) * _size(args[0]) + _size(args[0]))
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(value.__self__)
        return wrapped

    def getattr(self, obj: Any, attribute: str) -> Any:
        check_time()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        check_time()
        return super().getitem(obj, argument)
