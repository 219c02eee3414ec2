#!/bin/sh
# Runs once, when the postgres container creates its data folder (docker-entrypoint-initdb.d).
# Two roles, neither a superuser (docs/security.md, "Database roles"):
#   cto      owns the database and runs the migrations (CREATEDB and CREATEROLE so that
#            `npm test` and `npm start` on this server can make test databases and app roles);
#   cto_app  the running app: rows only, granted by the migrations; it cannot switch off the
#            audit trail's triggers.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE cto LOGIN PASSWORD '${CTO_OWNER_PASSWORD:-cto}' CREATEDB CREATEROLE;
CREATE ROLE cto_app LOGIN PASSWORD '${CTO_APP_PASSWORD:-cto_app}';
CREATE DATABASE cto OWNER cto;
\connect cto
ALTER SCHEMA public OWNER TO cto;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
