"""A team database's address as shown and kept: never its password (issue 23, item 1)."""

from __future__ import annotations

import pytest

from eventdesk.store.engines.addresses import is_team_address, readable, redacted


@pytest.mark.parametrize(
    "address",
    [
        "postgresql://clerk_anna@db.office.local/eventdesk",
        "postgresql://clerk_anna:s3cret@db.office.local:5432/eventdesk",
        "postgresql://clerk_anna@db.office.local/eventdesk?password=s3cret&sslmode=require",
    ],
)
def test_a_password_is_never_shown_nor_kept(address):
    assert "s3cret" not in redacted(address)
    assert "s3cret" not in readable(address)
    assert readable(address) == "eventdesk on db.office.local (team, clerk_anna)"
    assert redacted(address).startswith("postgresql://clerk_anna@db.office.local")


def test_readable_names_a_port_other_than_libpqs_and_a_service():
    assert (
        readable("postgresql://ben@10.0.0.5:5433/records") == "records on 10.0.0.5:5433 (team, ben)"
    )
    assert readable("postgresql:///?service=office") == "service office (team)"
    assert readable("postgresql://%E6%9D%8E@db/eventdesk") == "eventdesk on db (team, 李)"


def test_a_path_is_not_a_team_address():
    assert is_team_address("postgres://x@y/z")
    assert not is_team_address("C:/records/postgresql.sqlite3")
