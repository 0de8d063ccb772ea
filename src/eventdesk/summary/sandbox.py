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
#: The most bits an integer may have: squaring one in a loop ran for minutes in a
#: single step, where no time check can stop it (10,000 bits is about 3,000 digits).
MAX_INT_BITS = 10_000
#: The most items a list, dict or set may grow to by ``append``, ``extend``, ``update``….
MAX_ITEMS = 1_000_000
#: ``lipsum()``'s most paragraphs and words a paragraph.
MAX_LIPSUM = 100

#: The limits above, by name: the render child takes its parent's (``isolation.py``).
LIMITS = (
    "MAX_RANGE",
    "MAX_VALUE_CHARS",
    "MAX_OUTPUT_CHARS",
    "MAX_SECONDS",
    "MAX_FIELD_WIDTH",
    "MAX_INT_BITS",
    "MAX_ITEMS",
    "MAX_LIPSUM",
)
_PADDING = {"center", "ljust", "rjust", "zfill", "expandtabs"}
#: Filters whose output may be longer than their input's text: measured before they run.
_GUARDED = ("center", "indent", "format", "replace", "join")
_GROWING = {"string", "pprint", "tojson", "urlencode", "xmlattr", "wordwrap", "forceescape"}
#: Methods that grow a list, dict or set in place.
_GROWERS = {"append", "extend", "insert", "update", "add", "setdefault", "__setitem__"}
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
        raise TemplateLimit(
            f"this template took too long (more than {MAX_SECONDS:g} seconds) and was stopped"
        )


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


def text_size(value: object, limit: int = MAX_VALUE_CHARS) -> int:
    """About how many characters ``str(value)`` makes, counted without making it.

    Stops counting past ``limit`` (a list holding itself a million times over
    is not walked to its end): a result over ``limit`` is all a caller needs.
    """
    total, stack, steps = 0, [value], 0
    while stack and total <= limit:
        item = stack.pop()
        steps += 1
        if steps > MAX_ITEMS:
            return limit + 1
        if isinstance(item, str | bytes):
            total += len(item)
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, dict):
            total += 4 * len(item) + 2
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            total += 2 * len(item) + 2
            stack.extend(item)
        else:
            total += 64
    return total


def _text_fits(value: object) -> None:
    size = text_size(value)
    if size > MAX_VALUE_CHARS:
        raise TemplateLimit(
            f"the template tried to make a value of more than {MAX_VALUE_CHARS:,} characters"
        )


def _check_int(left: object, right: object) -> None:
    """Refuse a product of two integers past :data:`MAX_INT_BITS` before computing it."""
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and abs(left).bit_length() + abs(right).bit_length() > MAX_INT_BITS
    ):
        raise TemplateLimit(f"a number of more than {MAX_INT_BITS:,} bits")


def _fields(template: str, percent: bool) -> int:
    """How many values a format string puts in (each may be as long as the longest value)."""
    if percent:
        return template.count("%")
    return template.count("{")


def _check_filled(template: object, values: Iterable[Any], *, percent: bool) -> None:
    """Refuse ``template % values`` or ``template.format(values)`` past the size limit."""
    if not isinstance(template, str):
        return
    _check_format(template)
    values = list(values)
    longest = max((text_size(v) for v in values), default=0)
    _too_long(len(template) + _fields(template, percent) * longest)


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
    """Jinja's ``lipsum()``, at most :data:`MAX_LIPSUM` paragraphs of as many words."""
    from jinja2.utils import generate_lorem_ipsum

    if n > MAX_LIPSUM or max > MAX_LIPSUM:
        raise TemplateLimit(f"lipsum() of more than {MAX_LIPSUM} paragraphs or words")
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


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


@jinja2.pass_eval_context
def _concat(eval_ctx: Any, parts: list[Any]) -> Any:
    """``~`` as Jinja compiles it (escaping when autoescape is on), its size checked first."""
    from jinja2.runtime import markup_join, str_join

    _too_long(sum(text_size(p) for p in parts))
    return (markup_join if eval_ctx.autoescape else str_join)(parts)


class _Guard(NodeTransformer):
    """Puts the budget checks into the template's syntax tree as it is compiled."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        node = self.generic_visit(node)
        node.iter = _filter(node.iter, "_eventdesk_iter", node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        node = self.generic_visit(node)  # a ~ b ~ c: the parts are measured, then joined
        parts = nodes.List(node.nodes, lineno=node.lineno)
        return _filter(parts, "_eventdesk_concat", node.lineno)


def _filter(node: nodes.Expr, name: str, lineno: int) -> nodes.Filter:
    return nodes.Filter(node, name, [], [], None, None, lineno=lineno)


def _guard_filter(name: str, original: Any) -> Any:
    """Padding and formatting filters refuse a width that would make a huge string."""

    def guarded(*call: Any, **kwargs: Any) -> Any:
        check_time()
        # @pass_context / @pass_eval_context filters get their context first
        at = 1 if getattr(original, "jinja_pass_arg", None) is not None else 0
        value, args = call[at], call[at + 1 :]
        if name == "format":
            _check_filled(value, [*args, *kwargs.values()], percent=True)
        widths = [a for a in (*args, *kwargs.values()) if isinstance(a, int)]
        if name in {"center", "indent"} and any(w > MAX_FIELD_WIDTH for w in widths):
            raise TemplateLimit(f"{name} wider than {MAX_FIELD_WIDTH:,} characters")
        if name == "indent":  # every line gets the width: lines x width
            _too_long(text_size(value) * (1 + max(widths, default=4)))
        if name == "replace" and len(args) >= 2:
            _too_long((len(str(value)) + 1) * max(_size(args[1]), 1))
        if name == "join":
            items = list(value)
            joiner = args[0] if args else kwargs.get("d", "")
            _too_long(text_size(items) + text_size(joiner) * len(items))
            value = items
        elif name in _GROWING:
            _text_fits(value)
        return original(*call[:at], value, *args, **kwargs)

    for attr in ("jinja_pass_arg",):  # keep @pass_context / @pass_eval_context markers
        if hasattr(original, attr):
            setattr(guarded, attr, getattr(original, attr))
    return guarded


def _finalize(value: Any) -> Any:
    """What ``{{ value }}`` prints is measured before it is made into text."""
    if not isinstance(value, str):
        _text_fits(value)
    return value


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
        self.globals["lipsum"] = bounded_lipsum
        for name in (*_GUARDED, *_GROWING):
            if name in self.filters:
                self.filters[name] = _guard_filter(name, self.filters[name])
        self.filters["_eventdesk_iter"] = _bounded_iter
        self.filters["_eventdesk_concat"] = _concat
        given = options.get("finalize")  # the caller's own, after the measuring
        self.finalize = _finalize if given is None else lambda value: given(_finalize(value))

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return _Guard().visit(super()._parse(source, name, filename))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        check_time()
        if operator == "*":
            _check_int(left, right)
            for seq, n in ((left, right), (right, left)):
                if isinstance(n, int) and _size(seq):
                    _too_long(text_size(seq) * n)
        elif operator == "+":
            _too_long(text_size(left) + text_size(right))
        elif operator == "**":
            if (
                isinstance(left, int)
                and isinstance(right, int)
                and right > 0
                and max(abs(left), 2).bit_length() * right > MAX_INT_BITS
            ):
                raise TemplateLimit(f"a number of more than {MAX_INT_BITS:,} bits")
        elif operator == "%":
            values = right.values() if isinstance(right, dict) else right
            values = values if isinstance(values, tuple | list) else [values]
            _check_filled(left, values, percent=True)
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        check_time()
        if getattr(__obj, "__name__", None) in _PADDING and any(
            isinstance(a, int) and a > MAX_FIELD_WIDTH for a in args
        ):
            raise TemplateLimit(f"a width over {MAX_FIELD_WIDTH:,} characters")
        owner = getattr(__obj, "__self__", None)
        method = getattr(__obj, "__name__", "")
        if isinstance(owner, str) and args:
            if method == "replace" and len(args) >= 2:
                _too_long((len(owner) + 1) * max(_size(args[1]), 1))
            elif method == "join":
                items = list(args[0])  # a generator is counted once, then joined
                _too_long(text_size(items) + len(owner) * len(items))
                args = (items, *args[1:])
        elif isinstance(owner, list | dict | set) and method in _GROWERS:
            added = sum(len(a) if isinstance(a, list | tuple | dict | set) else 1 for a in args)
            if len(owner) + added + len(kwargs) > MAX_ITEMS:
                raise TemplateLimit(f"a list of more than {MAX_ITEMS:,} items")
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template = value.__self__

        def measured(*args: Any, **kwargs: Any) -> Any:
            mapping = args[0].values() if value.__name__ == "format_map" and args else []
            _check_filled(template, [*args, *kwargs.values(), *mapping], percent=False)
            return wrapped(*args, **kwargs)

        return measured

    def getattr(self, obj: Any, attribute: str) -> Any:
        check_time()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        check_time()
        return super().getitem(obj, argument)
