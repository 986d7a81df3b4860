#!/usr/bin/env bash
# Throwaway PostgreSQL for tests and CI, on 127.0.0.1 with trust auth, data in a temp dir.
#
#   eval "$(bash scripts/pg-test-server.sh start)"   # exports TEST_PG_URL and PG_TEST_DIR
#   bash scripts/pg-test-server.sh stop "$PG_TEST_DIR"
#
# `start` prints only `export …` lines on stdout (progress goes to stderr). Installs PostgreSQL with apt
# only when /usr/lib/postgresql is missing. initdb refuses to run as root, so root runs it as `postgres`.
set -euo pipefail

as_owner() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

pg_bin() {
  local v
  v=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$v" ] && echo "/usr/lib/postgresql/$v/bin"
}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  if [ ! -d /usr/lib/postgresql ]; then
    echo "installing postgresql with apt…" >&2
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-contrib >&2
  fi
  local bin dir port
  bin=$(pg_bin)
  dir=$(mktemp -d /tmp/newsbot-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
  as_owner "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" || {
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    return 1
  }
  # A free port can be taken between probe and bind: retry a few times.
  local tries=0
  until port=$(free_port) && as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 20 \
      -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start >/dev/null"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 5 ]; then
      cat "$dir/server.log" >&2 || true
      rm -rf "$dir"
      return 1
    fi
  done
  echo "$port" >"$dir/port"
  echo "postgresql started on 127.0.0.1:$port (data in $dir)" >&2
  echo "export PG_TEST_DIR='$dir'"
  echo "export TEST_PG_URL='postgresql://postgres@127.0.0.1:$port/postgres'"
}

stop() {
  local dir=${1:-${PG_TEST_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  case "$dir" in /tmp/newsbot-pg.*) ;; *) echo "refusing to remove $dir" >&2; return 1 ;; esac
  local bin
  bin=$(pg_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "'$bin/pg_ctl' -D '$dir/data' -m immediate -w stop >/dev/null 2>&1" || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *)
    echo "usage: $0 start | stop <dir>" >&2
    exit 64
    ;;
esac
