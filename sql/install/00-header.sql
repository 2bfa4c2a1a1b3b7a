-- loyalty: customer-loyalty analytics inside PostgreSQL.
-- This file is assembled by `make` from sql/install/*.sql; edit those.
\echo Use "CREATE EXTENSION loyalty" to load this file. \quit
