"""A hub database on the test cluster, and passwords in the test's keyring."""

from __future__ import annotations

import itertools

import keyring
from pg_cluster import SUPERUSER_PASSWORD, Cluster

from claimledger.exchange.hubsecret import SERVICE
from claimledger.store.hub import parse_address

_numbers = itertools.count(1)


class HubDb:
    """One hub database: its URL for the editor (the superuser here), and login roles
    for reviewers, each of whose passwords is kept in the test's keyring."""

    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.name = f"desk{next(_numbers)}"
        cluster.sql(f"CREATE DATABASE {self.name}")
        self.editor_url = cluster.url(self.name)
        remember(self.editor_url, SUPERUSER_PASSWORD)

    def reviewer_login(self, role: str, password: str = "reviewer-pw") -> str:
        """A login role in the hub's reviewers group (the hub must be set up); roles are
        the server's, so each hub's carry its name."""
        role = f"{role}_{self.name}"
        self.cluster.sql(f"CREATE ROLE {role} LOGIN PASSWORD '{password}' "
                         f"IN ROLE {self.name}_reviewers")
        url = self.cluster.url(self.name, role)
        remember(url, password)
        return url

    def sql(self, statement: str) -> str:
        return self.cluster.sql(statement, self.name)


def remember(url: str, password: str) -> None:
    """Keep a password where the app looks first (the in-memory keyring of the test)."""
    keyring.set_password(SERVICE, parse_address(url).keyring_name, password)
