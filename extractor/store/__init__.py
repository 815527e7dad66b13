"""The SQLite store of Contract 2: schema and migrations, writes, full-text search, read-only queries."""
