#!/usr/bin/env sh
# `prisma generate` needs no engine, but the CLI tries to download the schema engine first,
# which fails offline. Point it at a stub so generation runs without network.
set -e
stub="$(dirname "$0")/schema-engine-stub.sh"
PRISMA_SCHEMA_ENGINE_BINARY="$stub" PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 exec npx --no-install prisma generate "$@"
