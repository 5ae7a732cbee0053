"""The committed schema, the migrations and the sqlmodel tables never drift apart."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import UniqueConstraint, inspect
from sqlmodel import SQLModel

from claimledger.store import Database
from claimledger.store import tables as _tables  # noqa: F401  (registers the models)
from claimledger.store.schema_dump import dump_schema

SCHEMA_SQL = Path(__file__).resolve().parents[2] / "schema" / "schema.sql"
NOT_MODELLED = {"alembic_version"}  # plus virtual tables (FTS) and their shadow tables


def _fresh(tmp_path: Path) -> Database:
    return Database(tmp_path / "fresh.sqlite")


def test_committed_schema_matches_a_fresh_migration(tmp_path):
    db = _fresh(tmp_path)
    db.close()
    dumped = dump_schema(db.path)
    committed = SCHEMA_SQL.read_text(encoding="utf-8") if SCHEMA_SQL.exists() else ""
    assert dumped == committed, (
        "schema/schema.sql differs from the schema the migrations create; if the change is "
        "intended, run `make schema` (python -m claimledger.store.schema_dump > "
        "schema/schema.sql) and commit the result"
    )


_HEAD = re.compile(r"^CREATE (?:VIRTUAL |UNIQUE )?(TABLE|INDEX|TRIGGER|VIEW) \"?(\w+)", re.M)


def test_dump_is_sorted_and_terminated(tmp_path):
    db = _fresh(tmp_path)
    db.close()
    dumped = dump_schema(db.path)
    assert dumped.endswith(";\n")
    heads = _HEAD.findall(dumped)
    assert heads == sorted(heads, key=lambda h: (h[0].lower(), h[1]))
    names = {name for _, name in heads}
    assert {"alembic_version", "event", "article", "claim", "verdict"} <= names
    assert not any(name.startswith("sqlite_") for name in names)
    assert all(line == line.rstrip() for line in dumped.splitlines())


def _model_shape() -> dict:
    shape = {}
    for table in SQLModel.metadata.sorted_tables:
        shape[table.name] = {
            "columns": {c.name: bool(c.nullable) for c in table.columns},
            "primary_key": sorted(c.name for c in table.primary_key.columns),
            "foreign_keys": sorted(
                (fk.parent.name, fk.column.table.name, fk.column.name)
                for fk in table.foreign_keys
            ),
            "indexes": sorted(
                (ix.name, tuple(c.name for c in ix.columns)) for ix in table.indexes
            ),
            "unique": sorted(
                {
                    tuple(sorted(c.name for c in con.columns))
                    for con in table.constraints
                    if isinstance(con, UniqueConstraint)
                }
                | {(c.name,) for c in table.columns if c.unique}
            ),
        }
    return shape


def _database_shape(db: Database) -> dict:
    shape = {}
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        special = {row[1] for row in conn.exec_driver_sql("PRAGMA table_list")
                   if row[2] in ("virtual", "shadow")}
        for name in inspector.get_table_names():
            if name in NOT_MODELLED or name in special:
                continue
            shape[name] = {
                "columns": {c["name"]: bool(c["nullable"]) for c in inspector.get_columns(name)},
                "primary_key": sorted(
                    inspector.get_pk_constraint(name)["constrained_columns"]
                ),
                "foreign_keys": sorted(
                    (col, fk["referred_table"], ref)
                    for fk in inspector.get_foreign_keys(name)
                    for col, ref in zip(
                        fk["constrained_columns"], fk["referred_columns"], strict=True
                    )
                ),
                "indexes": sorted(
                    (ix["name"], tuple(ix["column_names"]))
                    for ix in inspector.get_indexes(name)
                ),
                "unique": sorted(
                    tuple(sorted(u["column_names"]))
                    for u in inspector.get_unique_constraints(name)
                ),
            }
    return shape


def test_models_match_the_migrated_database(tmp_path):
    db = _fresh(tmp_path)
    try:
        live = _database_shape(db)
    finally:
        db.close()
    models = _model_shape()
    assert sorted(models) == sorted(live), "tables differ between the models and the migration"
    for name in models:
        assert models[name] == live[name], f"table {name!r}: models and migration differ"
