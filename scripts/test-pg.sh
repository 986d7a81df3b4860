#!/usr/bin/env bash
# Runs the store tests (and every test/**/*.pg.test.ts) against SQLite AND a throwaway PostgreSQL.
# The server and its temp dir are always removed, even on failure or Ctrl-C.
#   bash scripts/test-pg.sh [extra vitest args]
set -euo pipefail
cd "$(dirname "$0")/.."

PG_TEST_DIR=""
cleanup() { bash scripts/pg-test-server.sh stop "$PG_TEST_DIR" || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

eval "$(bash scripts/pg-test-server.sh start)"
export TEST_PG_URL PG_TEST_DIR

mapfile -t pg_files < <(find test -name '*.pg.test.ts' -not -path 'test/store/*' | sort)
npx vitest run test/store "${pg_files[@]}" "$@"
