# Shared by scripts/run and .ci/run: find (or install) the PostgreSQL server binaries and run a private cluster.
# PostgreSQL refuses to run as root, so as root the cluster belongs to, and runs as, the `postgres` user.

pg_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

ensure_postgres_binaries() {
  if pg_bin_dir >/dev/null; then return 0; fi
  echo "PostgreSQL server binaries not found; installing Debian's postgresql package" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "run as root, or install the 'postgresql' package first" >&2
    return 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin_dir >/dev/null
}

# as_pg_owner CMD...: run CMD as the cluster's owner (postgres when we are root).
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# start_local_cluster DATA_DIR PORT: create the cluster on first use, start it if it is not running.
start_local_cluster() {
  local data="$1" port="$2" bin
  bin="$(pg_bin_dir)"
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    as_pg_owner true
    chown postgres: "$data"
    chmod 700 "$data"
    if ! runuser -u postgres -- test -x "$data"; then
      echo "The postgres user cannot reach $data (a parent folder is private, e.g. /root)." >&2
      echo "Clone the repository somewhere world-readable, or set ConnectionStrings__Elections to a server you run." >&2
      return 1
    fi
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_pg_owner "$bin/initdb" -D "$data" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    if ! as_pg_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $port -k '$data' -c listen_addresses=127.0.0.1" start >/dev/null; then
      echo "PostgreSQL did not start; the end of $data/server.log:" >&2
      tail -n 5 "$data/server.log" >&2
      echo "(another server on port $port? choose another with ELECTIONSTAGES_PG_PORT=...)" >&2
      return 1
    fi
  fi
}

# ensure_database PORT NAME
ensure_database() {
  local port="$1" name="$2" bin
  bin="$(pg_bin_dir)"
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
  fi
}
