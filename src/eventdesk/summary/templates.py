"""The Jinja2 environment: built-in templates, a user's edited copies, and their errors.

Why a ChoiceLoader: staff change wording and letterheads without touching the
program. A template of the same name in the user's templates folder wins over
the built-in one; deleting the copy brings the built-in one back.

Every ``.html.j2`` template escapes what it prints (a name typed as
``<b>Bold</b>`` prints as typed); ``.txt.j2`` templates write plain sentences
that are escaped where the HTML or Word template puts them.
"""

from __future__ import annotations

import functools
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext

from eventdesk import paths
from eventdesk.summary import language, mentions, pagination, prose, script
from eventdesk.summary.errors import SummaryError
from eventdesk.summary.sandbox import SafeEnvironment
from eventdesk.summary.view import Page

BUILTIN = Path(__file__).parent / "templates"


#: The folder the render child was told to use (``isolation.py``): its parent's.
_given_folder: list[Path] = []


def templates_folder() -> Path:
    """Where a user's copies of the templates live (they override the built-in ones)."""
    return _given_folder[0] if _given_folder else paths.data_dir() / "templates"


def use_folder(folder: Path | None) -> None:
    """Use ``folder`` as the user's templates folder (the render child: its parent's folder).

    None goes back to the user data folder's.
    """
    _given_folder[:] = [folder] if folder is not None else []


def user_templates_folder() -> Path | None:
    """The user's templates folder if there is one, else None (built-in templates only)."""
    folder = _user_folder_or_none()
    return folder if folder is not None and folder.is_dir() else None


def builtin_docx_folder() -> Path:
    return paths.resources_dir() / "templates"


def copy_templates_for_editing(folder: Path | None = None) -> Path:
    """Copy the built-in templates into the user's folder, keeping any copy already there."""
    target = folder or templates_folder()
    target.mkdir(parents=True, exist_ok=True)
    sources = [*BUILTIN.glob("*.j2"), *builtin_docx_folder().glob("*.docx")]
    for source in sources:
        if not (target / source.name).exists():
            shutil.copy2(source, target / source.name)
    return target


def _autoescape(name: str | None) -> bool:
    return not (name or "").endswith(".txt.j2")


class ScriptWords(jinja2.ext.Extension):
    """A document template's own words written in the document's Chinese script.

    The template is converted as it is compiled (``news_zh.html.j2`` says 出席人员;
    a traditional document prints 出席人員), so its words and the records'
    texts print in one script. Not the sentence templates (``.txt.j2``): they
    compare recorded texts with words of theirs (``s.name.endswith("环节")``)
    before the document is converted as a whole (``script.convert_tree``).
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if (name or "").endswith(".txt.j2"):
            return source
        return script.convert_text(source, getattr(self.environment, "chinese_script", ""))


def make_environment(
    user_folder: Path | None = None, chinese_script: str = ""
) -> jinja2.Environment:
    """The environment every summary renders with; ``user_folder`` first, if it exists.

    One per folder and script, kept: compiling the templates costs more than a
    summary's PDF (175 ms against 300), and an environment keeps what it
    compiled. A template edited since is compiled again (Jinja compares its
    file's time). ``chinese_script`` is the script the templates' Chinese
    words are printed in (:class:`ScriptWords`); "" leaves them as written.
    """
    folder = user_folder if user_folder is not None else _user_folder_or_none()
    found = str(folder) if folder is not None and folder.is_dir() else None
    return _environment(found, script.check_script(chinese_script) if chinese_script else "")


#: The filters a template may use, each under its function's name: ``{{ names | join_prose }}``.
_FILTERS = (
    prose.join_prose,
    prose.join_clauses,
    prose.number_word,
    prose.counted,
    prose.lower_first,
    prose.upper_first,
    prose.sentence,
    prose.was_were,
    prose.plural_role,
    language.join_zh,
    language.join_zh_clauses,
    language.sentence_zh,
    mentions.unmarked,
)


@functools.lru_cache(maxsize=8)
def _environment(folder: str | None, chinese_script: str = "") -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if folder is not None:
        loaders.append(jinja2.FileSystemLoader(folder))
    loaders.append(jinja2.FileSystemLoader(str(BUILTIN)))
    env = SafeEnvironment(  # a shared template must not run code nor hang: sandbox.py
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=["jinja2.ext.do", ScriptWords],
        finalize=mentions.finalize,  # a foreign partner's country on its first mention only
    )
    env.extend(chinese_script=chinese_script)
    env.filters.update({f.__name__: f for f in _FILTERS})
    return env


def _user_folder_or_none() -> Path | None:
    try:
        return templates_folder()
    except OSError:  # no writable data folder: built-in templates only
        return None


def template_error(exc: BaseException, name: str) -> SummaryError:
    """One line naming the template file and line of a Jinja error."""
    filename = getattr(exc, "filename", None)
    lineno = getattr(exc, "lineno", None)
    if lineno is None:
        tb = exc.__traceback__
        while tb is not None:
            code = tb.tb_frame.f_code.co_filename
            if code.endswith(".j2") or code.endswith(".docx"):
                filename, lineno = code, tb.tb_lineno
            tb = tb.tb_next
    where = f"{filename or name}" + (f", line {lineno}" if lineno else "")
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    if isinstance(exc, MemoryError):  # the render child's cap (isolation.py), or the machine's
        message = "the template needed more memory than a template may use and was stopped"
    return SummaryError(f"Template error in {where}: {message}")


def guarded(name: str, action: Callable[[], Any]) -> Any:
    """Run ``action`` and turn any template error into a :class:`SummaryError`."""
    try:
        return action()
    except jinja2.TemplateNotFound as exc:
        raise SummaryError(f"There is no template named {exc.name!r}.") from None
    except jinja2.TemplateError as exc:
        raise template_error(exc, name) from None
    except SummaryError:
        raise
    except (RecursionError, OverflowError, MemoryError) as exc:
        raise template_error(exc, name) from None
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        # A user's template calling a filter wrongly: still their file and line.
        err = template_error(exc, name)
        if "line" in str(err):
            raise err from None
        raise


def render(env: jinja2.Environment, name: str, document: Page) -> str:
    """The template ``name`` filled in with a document's view model.

    A bilingual document (a Chinese one with an English ``second``) is one
    page: the English document's body follows the Chinese one's on a page of
    its own, laid out by its own template (``news_zh`` then ``news``). Each
    counts its first mentions in its own print order (:mod:`~eventdesk.summary.mentions`).
    """
    with mentions.document():
        page = guarded(name, lambda: env.get_template(name).render(document.as_context()))
    second = getattr(document, "second", None)
    if second is None:
        return page
    second.font_stack, second.show_header = document.font_stack, document.show_header
    return follow_with(page, render(env, name.replace("_zh.", "."), second), second.lang)


_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)


def follow_with(page: str, other: str, lang: str) -> str:
    """``page`` with the body of ``other`` after its own, from a new page."""
    found = _BODY.search(other)
    body = found.group(1) if found else other
    # its first block marked: its pages get its own running header
    style = f"page-break-before: always; -qt-user-state: {pagination.SECOND_HALF}"
    part = f'<div lang="{lang}" style="{style}">{body}</div>'
    end = page.lower().rfind("</body>")
    return page[:end] + part + page[end:] if end >= 0 else page + part


def warn(message: str) -> None:
    print(f"eventdesk: warning: {message}", file=sys.stderr)
