#!/usr/bin/env bash
# Used by `make -j N all` (N > 1, or -j alone): runs the make of the shards' articles and records (the command
# after --) and, meanwhile, loads each shard into the database as soon as make has extracted it, instead of
# loading every shard after the last extraction, on one core, while the other cores wait.
#
# The shards whose records changed since their stamp ($SHARD_DIR/N.loaded) are loaded in shard order by
# one whosaid-load, in one transaction, as the load after the last extraction would: the database is the
# same, byte for byte. A shard is named to the loader once it and every shard before it are ready: made by
# this run's make (its extract recipe, given EXTRACTED_EVENTS, leaves a mark once the records are in place),
# or, for a shard make did not need to remake, once make has ended well. If make fails, the shards before
# the first one not ready are loaded and stamped, the rest wait for the next run. Stamps are written once
# the load is committed: a failed or interrupted load is redone whole by the next run. The exit status is
# make's, or the load's if the load failed.
#
# Usage: load_while_extracting.sh LOAD DB REJECTS SHARD_DIR "ID ID ..." -- MAKE ARGS...
set -euo pipefail

if [ $# -lt 7 ] || [ "$6" != -- ]; then
  echo "usage: $0 LOAD DB REJECTS SHARD_DIR \"IDS\" -- MAKE ARGS..." >&2
  exit 64
fi
load=$1 db=$2 rejects=$3 shard_dir=$4 ids=$5
shift 6

# This run's marks: a file per shard made, written by the extract recipes; make's status once it has ended
# (written whole, by a rename); and a FIFO on which the recipes and this script write a line to wake the
# naming up. What has happened is read from the files, never from the FIFO.
run_dir=$shard_dir/this-run
rm -rf "$run_dir"
mkdir -p "$run_dir"
make_status_file=$run_dir/make-status
named=$run_dir/named
mkfifo "$run_dir/wake"
# Held open for reading and writing by this script (and so by the naming and by make): a recipe's write
# never waits for a reader, and a read never sees the end of the file.
exec 7<>"$run_dir/wake"
script_pid=$$

# The shard's records were made by this run's make.
made() { [ -e "$run_dir/$1" ]; }

# The same test as the database target's: no stamp newer than the shard's records and the loader.
changed_since_loaded() {
  local s=$shard_dir/$1
  ! { [ "$s.loaded" -nt "$s.extracted.ndjson" ] && [ "$s.loaded" -nt "$load" ]; }
}

# Writes the records file of each changed shard, in shard order, once it is ready.
name_shards() {
  local id line
  for id in $ids; do
    until made "$id"; do
      if [ -e "$make_status_file" ]; then
        # Make succeeded: every shard is as it left it. Make failed: this shard and those after wait.
        [ "$(cat "$make_status_file")" = 0 ] && [ -e "$shard_dir/$id.extracted.ndjson" ] && break
        return 0
      fi
      # Woken by a recipe or by the end of make, or a second gone by: look again.
      read -r -t 1 -u 7 line || true
      # The script gone (interrupted): stop.
      kill -0 "$script_pid" 2>/dev/null || return 0
    done
    if changed_since_loaded "$id"; then
      echo "$id" >> "$named"
      echo "$shard_dir/$id.extracted.ndjson"
    fi
  done
}

# The loader starts with the first shard named (none changed: no load), and takes the rest as they come.
load_named() {
  local first
  read -r first || exit 0
  echo "$load --rejects $rejects --db $db $first --files-from - <the next shards as they are extracted>" >&2
  exec "$load" --rejects "$rejects" --db "$db" "$first" --files-from -
}

name_shards | load_named &
loader=$!

# make runs in the background so that a signal to this script is handled at once (bash runs a trap only
# after the foreground command ends): it is passed on to make, which stops its recipes, and the load is
# stopped, its transaction rolled back, no shard stamped. (A background command ignores SIGINT, so Ctrl-C
# reaches make through this trap too.)
make_pid=""
stop() {
  [ -n "$make_pid" ] && kill -TERM "$make_pid" 2>/dev/null && wait "$make_pid" 2>/dev/null || true
  exit "$1"
}
trap 'kill "$loader" 2>/dev/null || true; rm -rf "$run_dir"' EXIT
trap 'stop 130' INT
trap 'stop 143' TERM

"$@" EXTRACTED_EVENTS="$run_dir" &
make_pid=$!
make_status=0
wait "$make_pid" || make_status=$?
make_pid=""
echo "$make_status" > "$make_status_file.tmp"
mv -f "$make_status_file.tmp" "$make_status_file"
echo end >&7

load_status=0
wait "$loader" || load_status=$?
trap 'rm -rf "$run_dir"' EXIT
if [ "$load_status" != 0 ] && [ "$load_status" != 65 ]; then
  echo "load: failed (status $load_status); no shard is marked loaded, the next run loads them again" >&2
  exit "$load_status"
fi
loaded=""
if [ -e "$named" ]; then
  while read -r id; do
    touch "$shard_dir/$id.loaded"
    loaded="$loaded $id"
  done < "$named"
fi
if [ -n "$loaded" ]; then
  echo "load: shards$loaded loaded into $db, $(wc -l < "$rejects") records rejected (see $rejects)"
fi
exit "$make_status"
