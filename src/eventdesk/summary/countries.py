"""Which organisations a summary calls foreign, and the words of their country.

The rule (docs/summaries.md, "A foreign organisation's country"): our country
is the country of our own organisation (Preferences › Our organisation, or the
university our people belong to), or China where it has none set. An
organisation is foreign when its country (a department's is its university's)
is set and is not ours; the mainland, Hong Kong, Macao and Taiwan count as one
for this (for an office in any of them, the others are regions, not foreign
countries). A typed country is read through CLDR's names of territories
(Babel: South Korea, 韩国, 南韓, Hong Kong SAR China …) and a few common other
names (Korea, Macau, 香港), so "Korea" and "South Korea" are one country.
"""

from __future__ import annotations

import re
from functools import cache

from eventdesk.records import Organisation
from eventdesk.store.chinese_variants import simplified

#: One country for the rule: for an office in any of them the others are not abroad.
CHINA = frozenset({"CN", "HK", "MO", "TW"})
HOME_DEFAULT = "CN"
#: Other names offices type for a country or region, by its code.
_ALIASES = {
    "KR": ("Korea", "Republic of Korea", "ROK", "韩国", "南韩", "大韩民国"),
    "CN": ("PRC", "People's Republic of China", "Mainland China", "Chinese Mainland", "中国大陆"),
    "HK": ("Hong Kong", "Hong Kong SAR", "Hong Kong, China", "HKSAR", "香港", "中国香港"),
    "MO": ("Macao", "Macau", "Macao SAR", "Macau SAR", "Macao, China", "澳门", "中国澳门"),
    "TW": ("Taiwan, China", "Chinese Taipei", "中国台湾", "臺灣"),
    "US": ("USA", "U.S.", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"),
    "NL": ("The Netherlands", "Holland"),
}
#: Words of a country's English name too common to tell it is already in a name.
_COMMON = frozenset(
    [
        "the",
        "of",
        "and",
        "south",
        "north",
        "east",
        "west",
        "united",
        "republic",
        "kingdom",
        "states",
        "democratic",
        "people's",
        "federal",
        "islands",
        "island",
        "new",
        "saint",
    ]
)
#: English country names said with "the" ("in the United Kingdom").
_THE = re.compile(
    r"^(United|Republic|Kingdom|Czech Republic|Dominican Republic|Central African Republic"
    r"|Netherlands|Philippines|Bahamas|Gambia|Maldives|Seychelles|Comoros)\b"
    r"|(Islands|Emirates)$"
)


def _fold(text: str) -> str:
    return simplified(" ".join(text.split()).casefold().removeprefix("the "))


@cache
def _codes() -> dict[str, str]:
    """Every name CLDR gives a country or region, in English and Chinese, by its fold."""
    from babel import Locale

    found: dict[str, str] = {}
    for locale in ("en", "zh", "zh_Hant"):
        for code, name in Locale.parse(locale).territories.items():
            if code.isalpha():  # not a continent ("001", "142")
                found.setdefault(_fold(name), code)
    for code, names in _ALIASES.items():
        for name in names:
            found[_fold(name)] = code
    return found


def country_code(text: str) -> str | None:
    """The ISO code of a typed country ("South Korea", "韩国", "Korea": "KR"), if CLDR knows it."""
    return _codes().get(_fold(text)) if text.strip() else None


@cache
def cldr_name(code: str, locale: str) -> str:
    from babel import Locale

    return Locale.parse(locale).territories.get(code, "")


class Places:
    """Our country, and the country each organisation of one meeting is in."""

    def __init__(self, orgs: dict[int, Organisation], ours: Organisation | None):
        self._orgs = orgs
        country = self._country(ours) if ours is not None else ("", "")
        self.home = self._key(*country) if any(country) else HOME_DEFAULT

    def root(self, org: Organisation) -> Organisation:
        """A department's university: whose country a department is in."""
        seen: set[int | None] = set()
        while org.parent_id in self._orgs and org.id not in seen:
            seen.add(org.id)
            org = self._orgs[org.parent_id]  # type: ignore[index]
        return org

    def _country(self, org: Organisation) -> tuple[str, str]:
        for o in (org, self.root(org)):
            if o.country.strip() or o.country_zh.strip():
                return o.country.strip(), o.country_zh.strip()
        return "", ""

    @staticmethod
    def _key(en: str, zh: str) -> str:
        return country_code(en) or country_code(zh) or _fold(en or zh)

    def abroad(self, org: Organisation) -> tuple[str, str] | None:
        """A foreign organisation's country as (English, Chinese) words, either "" where
        neither the record nor CLDR has it; None for an organisation at home or of no country."""
        en, zh = self._country(org)
        if not (en or zh):
            return None
        key = self._key(en, zh)
        if key == self.home or (key in CHINA and self.home in CHINA):
            return None
        code = key if key.isupper() and len(key) == 2 else ""
        return (
            en or (cldr_name(code, "en") if code else ""),
            zh or (cldr_name(code, "zh") if code else ""),
        )


def in_name_en(country: str, name: str) -> bool:
    """Does an English name say its country already ("Korea University", "National University
    of Singapore")? A word of the country, but the common ones, begins a word of the name."""
    words = [w for w in re.findall(r"[\w'’]+", country.casefold()) if w not in _COMMON]
    names = re.findall(r"[\w'’]+", name.casefold())
    return any(n.startswith(w) for w in words for n in names)


def in_name_zh(country: str, name: str) -> bool:
    """Does a Chinese name say its country already (新加坡国立大学)?"""
    return bool(country) and simplified(country) in simplified(name)


def in_country_en(country: str) -> str:
    """ "in South Korea", "in the United Kingdom"."""
    if country.casefold().startswith("the ") or not _THE.search(country):
        return f"in {country}"
    return f"in the {country}"
