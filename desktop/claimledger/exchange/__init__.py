"""Ledger files, signing, keys and trust (DESIGN §5). Pure: no Qt, no SQL.

Modules: keys (Ed25519, fingerprints, event signatures), keystore (where a private key
lives), identity (reviewer identities per display name), ledgerfile (the .cledger
format), schema (its JSON Schema), trust (checking a file's events before a merge).
"""
