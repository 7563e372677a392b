#!/usr/bin/env bash
# Used by `make -j N all` (N > 1): runs the make of the shards' articles and records (the command after --)
# and, meanwhile, loads each shard into the database as soon as make has extracted it, instead of loading
# every shard after the last extraction, on one core, while the other cores wait.
#
# The shards whose records changed since their stamp ($SHARD_DIR/N.loaded) are loaded in shard order by
# one whosaid-load, in one transaction, as the load after the last extraction would: the database is the
# same, byte for byte. A shard is named to the loader once make will not remake it: its articles are not
# older than its list or the fetch binary, its records not older than its articles or the extract binary
# (make's own rule). If make fails, the shards before the first one it did not finish are loaded and
# stamped, the rest wait for the next run; the status is make's. Stamps are written once the load is
# committed: an interrupted or failed load is redone whole by the next run.
#
# Usage: load_while_extracting.sh LOAD DB REJECTS SHARD_DIR FETCH EXTRACT "ID ID ..." -- MAKE ARGS...
set -euo pipefail

if [ $# -lt 9 ] || [ "$8" != -- ]; then
  echo "usage: $0 LOAD DB REJECTS SHARD_DIR FETCH EXTRACT \"IDS\" -- MAKE ARGS..." >&2
  exit 64
fi
load=$1 db=$2 rejects=$3 shard_dir=$4 fetch=$5 extract=$6 ids=$7
shift 8

# make's status, written once it has ended; and a FIFO on which the extract recipes (given EXTRACTED_EVENTS)
# write a shard's id when its records are in place, and this script writes "end" after the status. The
# events only wake the naming up: what has happened is read from the files.
make_status_file=$shard_dir/extraction-status
named=$shard_dir/loading
events=$shard_dir/extraction-events
rm -f "$make_status_file" "$named" "$events"
mkfifo "$events"
# Held open for reading and writing by this script (and so by the naming and by make): a recipe writing an
# event never waits for a reader, and a read never sees the end of the file.
exec {events_fd}<>"$events"
script_pid=$$

# TARGET exists and no PREREQUISITE is newer.
up_to_date() {
  local target=$1 prerequisite
  shift
  [ -e "$target" ] || return 1
  for prerequisite; do
    [ -e "$prerequisite" ] && ! [ "$prerequisite" -nt "$target" ] || return 1
  done
}

extracted() {
  local s=$shard_dir/$1
  up_to_date "$s.articles.ndjson" "$s.list" "$fetch" && up_to_date "$s.extracted.ndjson" "$s.articles.ndjson" "$extract"
}

# The same test as the database target's: no stamp newer than the shard's records and the loader.
changed_since_loaded() {
  local s=$shard_dir/$1
  ! { [ "$s.loaded" -nt "$s.extracted.ndjson" ] && [ "$s.loaded" -nt "$load" ]; }
}

# Writes the records file of each changed shard, in shard order, once make has extracted it.
name_shards() {
  local id event
  for id in $ids; do
    until extracted "$id"; do
      if [ -e "$make_status_file" ]; then
        # Make succeeded: every shard is as it left it. Make failed: this shard and those after wait.
        [ "$(cat "$make_status_file")" = 0 ] && [ -e "$shard_dir/$id.extracted.ndjson" ] && break
        return 0
      fi
      # Wait for an event, or a second. (A read that times out as a line arrives may lose the line, so
      # what happened is read from the files, never from the events.)
      read -r -t 1 -u "$events_fd" event || true
      # The script gone, make was interrupted: stop.
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
# Interrupted, the load is stopped (its transaction is rolled back) and no shard is stamped.
trap 'kill "$loader" 2>/dev/null || true; rm -f "$make_status_file" "$events" "$named"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

make_status=0
"$@" EXTRACTED_EVENTS="$events" || make_status=$?
echo "$make_status" > "$make_status_file"
echo end >&"$events_fd"

load_status=0
wait "$loader" || load_status=$?
trap 'rm -f "$make_status_file" "$events" "$named"' EXIT
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
