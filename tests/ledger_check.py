#!/usr/bin/env python3
"""ledger_check.py - is a trailnav database whole?  For the crash test.

Reads the database with Python's own sqlite3 module and the trail files
with its own gzip and json modules (no trailnav code), and checks:
  - PRAGMA integrity_check says ok;
  - every file the ledger calls imported has exactly as many event rows
    as the ledger says, and that count plus its duplicates is the number
    of records in the file on disk;
  - no event row belongs to a file the ledger does not list as imported;
  - the totals kept with the ledger (by the writer for new rows, by
    triggers for updates and deletes) equal the ledger summed.

Usage: ledger_check.py DATABASE
Prints one line per problem and exits 1 if there was any; prints
"ok FILES EVENTS" and exits 0 otherwise.
"""
import gzip
import json
import os
import sqlite3
import sys


def records_in(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return len(json.loads(data.decode("utf-8", "surrogateescape"))
               .get("Records", []))


def main():
    # Killed before it made the file, the import has lost nothing either.
    if not os.path.exists(sys.argv[1]):
        print("ok 0 0 (no database yet)")
        return
    db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
    problems = []
    check = db.execute("PRAGMA integrity_check").fetchall()
    if check != [("ok",)]:
        problems.append("integrity_check: %r" % check[:5])
    # Killed before the transaction that makes the schema committed (the
    # first tens of milliseconds, under the sanitizers), the import leaves
    # a database with no tables: nothing was imported, and nothing lost.
    if not problems and not db.execute(
            "SELECT count(*) FROM sqlite_schema").fetchone()[0]:
        print("ok 0 0 (no schema committed yet)")
        return
    rows = {fid: n for fid, n in db.execute(
        "SELECT file, count(*) FROM event GROUP BY file")}
    files = 0
    # A row's path is its directory's (file_dir; 0: none) and its name.
    for fid, path, events, dups in db.execute(
            "SELECT id, coalesce((SELECT s FROM file_dir WHERE id = dir),"
            " '') || name, events, duplicates FROM file WHERE state = 0"):
        files += 1
        have = rows.pop(fid, 0)
        if have != events:
            problems.append("%s: ledger says %d events, %d rows"
                            % (path, events, have))
        want = records_in(path)
        if events + dups != want:
            problems.append("%s: %d new + %d duplicate, file holds %d"
                            % (path, events, dups, want))
    if db.execute("SELECT count(*) FROM sqlite_schema"
                  " WHERE name = 'totals'").fetchone()[0]:
        kept = db.execute("SELECT imported, digests, failed, events,"
                          " duplicates, stored_bytes FROM totals").fetchone()
        summed = db.execute(
            "SELECT count(*) FILTER (WHERE state = 0),"
            " count(*) FILTER (WHERE state = 1),"
            " count(*) FILTER (WHERE state = 2), coalesce(sum(events), 0),"
            " coalesce(sum(duplicates), 0), coalesce(sum(stored_bytes), 0)"
            " FROM file").fetchone()
        if kept != summed:
            problems.append("totals %r, ledger summed %r" % (kept, summed))
    for fid, n in rows.items():
        problems.append("file %d: %d event rows but no imported ledger entry"
                        % (fid, n))
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("ok %d %d" % (files, sum(n for n, in db.execute(
        "SELECT count(*) FROM event"))))


if __name__ == "__main__":
    main()
