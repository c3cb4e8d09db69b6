#!/usr/bin/env sh
# Stand-in for Prisma's schema engine, which cannot be downloaded here (see scripts/prisma-generate.sh).
echo "schema-engine stub: migrations are applied by the app (app/db/migrate.server.ts)" >&2
exit 1
