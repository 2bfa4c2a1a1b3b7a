-- loyalty: customer-loyalty analytics inside PostgreSQL.
-- This file is built by `make` (tools/expand-sql.pl) from sql/install/*.sql; edit those.
\echo Use "CREATE EXTENSION loyalty" to load this file. \quit
