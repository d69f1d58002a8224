#!/usr/bin/env bash
# What PostgreSQL alone spends on a bot round trip's durable writes, with pgbench as its only client: the
# contact's message and its outbox entry in one transaction; the entry's removal, the bot's answer and the record
# of the webhook call in another (postgresql-floor.sql) — no reads, on Parley's own schema, each client with its
# own conversations. Needs pgbench and a PostgreSQL at 127.0.0.1:5432 that user postgres may use; run from the
# repository's root: docs/bench/postgresql-floor.sh [CLIENTS [GROUP]]
#   CLIENTS  connections to PostgreSQL (default 50)
#   GROUP    round trips whose writes share each pair of transactions (default 1): the writes of GROUP
#            conversations in one transaction, then their answers in another, as a group commit would send them
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-50}
group=${2:-1}
[[ $clients =~ ^[1-9][0-9]*$ && $group =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [CLIENTS [GROUP]] (positive numbers)" >&2; exit 2; }
db=parley_floor
psql_() { PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 "$@"; }
script=$(mktemp --suffix=.sql)
trap 'rm -f "$script"; psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
# GROUP copies of each transaction's statements, the k-th for conversation client * GROUP + k
python3 - "$group" docs/bench/postgresql-floor.sql > "$script" <<'PY'
import sys
group, path = int(sys.argv[1]), sys.argv[2]
for k in range(group):
    print(f'\\set evt{k} random(1, 4000000000000000000)')
statement = []
for line in open(path).read().splitlines():
    if not line or line.startswith('--'):
        continue
    if line.startswith('\\set'):
        if line.startswith('\\set now'):
            print(line)
        continue
    if line in ('BEGIN;', 'COMMIT;'):
        print(line)
        continue
    statement.append(line)
    if line.endswith(';'):
        text = '\n'.join(statement)
        statement.clear()
        for k in range(group):
            print(text.replace(':evt', f':evt{k}')
                  .replace('CAST(:client_id AS TEXT)', f'CAST(:client_id * {group} + {k} AS TEXT)'))
PY
psql_ -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
if ! out=$(PARLEY_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db" ./parley migrate 2>&1); then
  echo "$out" >&2; exit 1
fi
psql_ -d $db \
  -c "INSERT INTO contacts (id, custom_fields, campaigns, page_tags, created_at)
      SELECT 'ct_' || i, '{}', '{}', '{}', 0 FROM generate_series(0, $(( clients * group - 1 ))) i" \
  -c "INSERT INTO conversations (id, contact_id, widget_id, group_id, channel_type, status, topics, custom_fields,
        approach_mode, last_seq, created_at, last_activity_at)
      SELECT 'conv_' || i, 'ct_' || i, 'w', 'g', 'web', 'bot', '[]', '{}', 'normal', 0, 0, 0
      FROM generate_series(0, $(( clients * group - 1 ))) i"
# CPU ticks of every PostgreSQL process: those running, and those ended (added to the postmaster's children)
ticks() {
  local pm t c s p
  pm=$(pgrep -u postgres -x -o postgres)   # the postmaster: the oldest of them
  c=$(cut -d' ' -f16,17 "/proc/$pm/stat"); t=$(( ${c% *} + ${c#* } ))
  for p in $(pgrep -u postgres -x postgres); do
    s=$(cut -d' ' -f14,15 "/proc/$p/stat" 2> /dev/null) && t=$(( t + ${s% *} + ${s#* } ))
  done
  echo "$t"
}
run() { pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$clients" -j 2 -T "$1" -f "$script" $db; }
run 10 > /dev/null   # warm-up
hz=$(getconf CLK_TCK)
a=$(ticks); t0=$(date +%s.%N)
out=$(run 20)
t1=$(date +%s.%N); b=$(ticks)
tps=$(grep -oP 'tps = \K[0-9.]+' <<< "$out" | head -1)
python3 - "$a" "$b" "$t0" "$t1" "$tps" "$hz" "$group" <<'PY'
import sys
a, b, t0, t1, tps, hz, group = map(float, sys.argv[1:])
tps *= group
cores = (b - a) / hz / (t1 - t0)
print(f"{tps:,.0f} round trips/s; PostgreSQL {cores:.2f} cores busy, {cores / tps * 1000:.3f} ms of CPU per round trip")
PY
