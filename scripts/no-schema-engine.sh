#!/bin/sh
# Stand-in for Prisma's native schema engine, which these machines cannot download.
# `prisma generate` only needs the path to exist; anything that would really run the
# engine fails loudly instead of silently doing nothing. Migrations use the
# WebAssembly engine instead: see scripts/migrate.ts and docs/decisions/.
echo "The native Prisma schema engine is not used by CTO Tracker: run 'npm run db:migrate' or 'npm run db:migration -- <name>'." >&2
exit 1
