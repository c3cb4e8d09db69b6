#!/usr/bin/env sh
# `prisma generate` needs no engine, but the CLI tries to download the schema engine first,
# which fails offline. Point it at a stub so generation runs without network.
# Two clients: SQLite's (prisma/schema.prisma) and PostgreSQL's (prisma/postgres/schema.prisma,
# generated from the first by scripts/postgres-schema.ts); the app picks one from DATABASE_URL.
set -e
stub="$(dirname "$0")/schema-engine-stub.sh"
export PRISMA_SCHEMA_ENGINE_BINARY="$stub" PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
npx --no-install prisma generate "$@"
npx --no-install prisma generate --schema prisma/postgres/schema.prisma "$@"
