#!/usr/bin/env python3
"""query_check.py - checks `trailnav query` and `stats` output against an
independent reading of the trail files, for tests/cli_query.sh.  Shares no
code with trailnav: Python's gzip, json and csv modules read everything.

  query_check.py count DIR          JSON: unique records, counts by
                                    eventName and awsRegion
  query_check.py ndjson DIR OUT     every line is one stored record: byte
                                    for byte the file's record text when
                                    that is one line, else the same JSON
                                    value on one line; one line per record
  query_check.py json DIR OUT       OUT is a JSON array whose elements are
                                    the files' record texts byte for byte
  query_check.py csv OUT N          OUT parses as CSV (CRLF ends), N rows,
                                    no cell that a spreadsheet would run
  query_check.py regions DIR OUT    OUT (stats --by region --format csv)
                                    has the counted events per region
Exits 1 with a message on a mismatch.
"""
import csv
import gzip
import io
import json
import os
import sys

DECODER = json.JSONDecoder()
WS = " \t\r\n"


def skip_ws(text, i):
    while i < len(text) and text[i] in WS:
        i += 1
    return i


def array_spans(text, i):
    """Spans (start, end) of the elements of the JSON array at text[i]."""
    assert text[i] == "["
    spans = []
    i = skip_ws(text, i + 1)
    if text[i] == "]":
        return spans, i + 1
    while True:
        _, end = DECODER.raw_decode(text, i)
        spans.append((i, end))
        i = skip_ws(text, end)
        if text[i] == "]":
            return spans, i + 1
        assert text[i] == ","
        i = skip_ws(text, i + 1)


def record_texts(text):
    """The text of every record of a {"Records":[...]} document, else of
    a bare array, a single record, CloudTrailEvent strings or NDJSON."""
    i = skip_ws(text, 0)
    out = []
    try:
        value, end = DECODER.raw_decode(text, i)
    except ValueError:
        value, end = None, 0
    if value is None or skip_ws(text, end) != len(text):
        for line in text.splitlines():  # NDJSON
            if line.strip():
                out.append(line.strip(WS))
        return out
    if isinstance(value, list):
        return [text[a:b] for a, b in array_spans(text, i)[0]]
    if isinstance(value, dict) and (isinstance(value.get("Records"), list)
                                    or isinstance(value.get("Events"), list)):
        out.append(CONTAINER)
        for k, spans in member_arrays(text, i).items():
            if k == "Records":
                out += [text[a:b] for a, b in spans]
            elif k == "Events":  # lookup-events: strings, or plain records
                for a, b in spans:
                    e = json.loads(text[a:b])
                    if isinstance(e, dict) and isinstance(e.get("CloudTrailEvent"), str):
                        out.append(e["CloudTrailEvent"])
                    elif isinstance(e, dict) and "eventID" in e:
                        out.append(text[a:b])
        return out
    if isinstance(value, dict) and isinstance(value.get("logEvents"), list):
        return [e["message"] for e in value["logEvents"] if isinstance(e, dict)]
    if isinstance(value, dict) and "detail-type" in value:
        return []  # EventBridge: checked by value only
    return [text[i:end]]


def member_arrays(text, i):
    """{key: element spans} for the array members of the object at i."""
    found = {}
    j = skip_ws(text, i + 1)
    while text[j] != "}":
        key, j = DECODER.raw_decode(text, j)
        j = skip_ws(text, skip_ws(text, j) + 1)  # past ':'
        if text[j] == "[":
            found[key], j = array_spans(text, j)
        else:
            _, j = DECODER.raw_decode(text, j)
        j = skip_ws(text, j)
        if text[j] == ",":
            j = skip_ws(text, j + 1)
    return found


# Marks texts taken from a Records or Events array: every object there is a
# record, whatever its fields (as corpus_count.py counts them).
CONTAINER = object()


def key_of(rec):
    eid = rec.get("eventID")
    if isinstance(eid, str) and eid:
        return ("id", eid)
    return ("json", json.dumps(rec, sort_keys=True))


def read_dir(folder):
    """{key: (record value, [texts])} over every record found."""
    recs = {}
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            with open(os.path.join(root, name), "rb") as f:
                data = f.read()
            try:
                if data[:2] == b"\x1f\x8b":
                    data = gzip.decompress(data)
                text = data.decode("utf-8")
                texts = record_texts(text)
                container = CONTAINER in texts
                texts = [t for t in texts if t is not CONTAINER]
                values = [json.loads(t) for t in texts]
            except (ValueError, OSError, EOFError, AssertionError,
                    IndexError, KeyError, TypeError):
                continue  # broken or not a trail file: never imported
            if any(isinstance(v, dict) and "digestStartTime" in v for v in values):
                continue
            for t, v in zip(texts, values):
                if not isinstance(v, dict) or not container and not any(
                        k in v for k in ("eventVersion", "eventID", "eventTime", "eventName")):
                    continue
                entry = recs.setdefault(key_of(v), (v, []))
                entry[1].append(t)
    return recs


def fail(msg):
    print(msg)
    sys.exit(1)


def count(folder):
    recs = read_dir(folder)
    events, regions = {}, {}
    for v, _ in recs.values():
        for field, table in (("eventName", events), ("awsRegion", regions)):
            s = v.get(field)
            if isinstance(s, str) and s:
                table[s] = table.get(s, 0) + 1
    print(json.dumps({"unique": len(recs), "events": events, "regions": regions}))


def check_one(recs, text, line_mode):
    v = json.loads(text)
    entry = recs.get(key_of(v))
    if entry is None:
        fail("not a record of the files: " + text[:200])
    originals = entry[1]
    if text in originals:
        return
    if line_mode and "\n" not in text and any(
            ("\n" in o or "\r" in o) and json.loads(o) == v for o in originals):
        return  # a pretty-printed record, put on one line
    fail("record differs from the file's: " + text[:200])


def check_ndjson(folder, out):
    recs = read_dir(folder)
    with open(out, "rb") as f:
        data = f.read().decode("utf-8")
    lines = data.split("\n")
    if lines[-1] != "":
        fail("the output does not end in a line break")
    lines = lines[:-1]
    for line in lines:
        check_one(recs, line, True)
    keys = {key_of(json.loads(line)) for line in lines}
    if len(keys) != len(lines):
        fail("a record is printed twice")


def check_json(folder, out):
    recs = read_dir(folder)
    with open(out, "rb") as f:
        text = f.read().decode("utf-8")
    spans, end = array_spans(text, 0)
    if text[end:] != "\n":
        fail("trailing text after the array")
    for a, b in spans:
        check_one(recs, text[a:b], False)
    print(len(spans))


def check_csv(out, want):
    with open(out, "rb") as f:
        raw = f.read()
    if raw and (not raw.endswith(b"\r\n") or b"\n" in raw.replace(b"\r\n", b"")):
        fail("lines must end in CRLF, and only there")
    if any(c < 0x20 and c not in (0x0d, 0x0a) for c in raw) or b"\x1b" in raw:
        fail("a control character is written raw")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    if len(rows) - 1 != int(want):
        fail("%d rows, want %s" % (len(rows) - 1, want))
    width = len(rows[0])
    for row in rows:
        if len(row) != width:
            fail("a row has %d fields, the header %d" % (len(row), width))
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                fail("a formula cell is not prefixed: " + cell)


def region_of(v):
    s = v.get("awsRegion") if isinstance(v, dict) else None
    return s if isinstance(s, str) and s else None


def check_regions(folder, out):
    """Exact counts, but for an eventID whose copies name different
    regions (the corpus has one: 234f004b-EXAMPLE in two AWS documentation
    examples): the importer keeps whichever copy it writes first, which
    decoding threads may deliver in either order, so such an event may
    count in any of its regions."""
    recs = read_dir(folder)
    want, either = {}, []
    for v, texts in recs.values():
        regions = {region_of(json.loads(t)) for t in texts} - {None}
        if len(regions) > 1:
            either.append(regions)
        elif regions:
            s = regions.pop()
            want[s] = want.get(s, 0) + 1
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    got = {r["value"]: int(r["events"]) for r in rows if r["value"]}
    extra = {s: got.get(s, 0) - want.get(s, 0) for s in set(got) | set(want)}
    ok = sum(extra.values()) == len(either) and all(
        0 <= n <= sum(s in e for e in either) for s, n in extra.items())
    if not ok:
        fail("by region: got %s, want %s, and one each of %s" % (
            sorted(got.items()), sorted(want.items()), either))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "count":
        count(sys.argv[2])
    elif cmd == "ndjson":
        check_ndjson(sys.argv[2], sys.argv[3])
    elif cmd == "json":
        check_json(sys.argv[2], sys.argv[3])
    elif cmd == "csv":
        check_csv(sys.argv[2], sys.argv[3])
    elif cmd == "regions":
        check_regions(sys.argv[2], sys.argv[3])
    else:
        fail("unknown command " + cmd)
