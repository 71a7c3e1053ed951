#!/usr/bin/env python3
"""corpus_count.py - an independent count of the CloudTrail records in a
folder, for the conformance test.  Shares no code with trailnav: it reads
the files with Python's own gzip and json modules.

Prints one JSON object:
  records        every record found, duplicates included
  unique         records unique by eventID (records without one: by their
                 canonical JSON text)
  broken         files that are not valid JSON (or not valid gzip)
  no_records     valid JSON files holding no records and no digest
  digests        CloudTrail digest files
  regions        every awsRegion seen
  tried          files a directory walk must try (SPEC section 2, "What is
                 tried": a JSON-like name, or JSON-like first bytes)
  lookup_ids     eventIDs of records found in lookup-events output
                 ("Events": CloudTrailEvent strings or plain records)
"""
import gzip
import json
import os
import sys


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="surrogateescape")
    try:
        return [json.loads(text)]
    except ValueError:
        pass
    # NDJSON: one value per non-blank line, all of them valid.
    values = [json.loads(line) for line in text.splitlines() if line.strip()]
    if len(values) < 2:
        raise ValueError("not JSON")
    return values


def is_record(obj):
    return isinstance(obj, dict) and any(
        k in obj for k in ("eventVersion", "eventID", "eventTime", "eventName"))


def records_in(value, lookup_ids):
    """The records a JSON value holds, by the shapes the SPEC lists."""
    if isinstance(value, list):
        out = []
        for v in value:
            out += records_in(v, lookup_ids)
        return out
    if not isinstance(value, dict):
        return []
    if isinstance(value.get("Records"), list):
        return [r for r in value["Records"] if isinstance(r, dict)]
    if isinstance(value.get("Events"), list):
        out = []
        for e in value["Events"]:
            if isinstance(e, dict) and isinstance(e.get("CloudTrailEvent"), str):
                r = json.loads(e["CloudTrailEvent"])
                lookup_ids.append(r.get("eventID"))
                out.append(r)
            elif is_record(e):
                lookup_ids.append(e.get("eventID"))
                out.append(e)  # lookup-events for Insights: plain records
        return out
    if isinstance(value.get("detail"), dict) and "detail-type" in value:
        return [value["detail"]]
    if isinstance(value.get("logEvents"), list):
        return [json.loads(e["message"]) for e in value["logEvents"]
                if isinstance(e, dict) and isinstance(e.get("message"), str)]
    if is_record(value):
        return [value]
    return []


JSON_ENDINGS = (".json", ".json.gz", ".gz", ".jsonl", ".ndjson", ".log")


def looks_like_json(path):
    """SPEC section 2: tried when the name or the first bytes say JSON."""
    if path.lower().endswith(JSON_ENDINGS):
        return True
    with open(path, "rb") as f:
        head = f.read(512)
    if head[:2] == b"\x1f\x8b":
        return True
    head = head[3:] if head[:3] == b"\xef\xbb\xbf" else head
    head = head.lstrip(b" \t\r\n")
    return head[:1] in (b"{", b"[")


def is_digest(value):
    return isinstance(value, dict) and "digestStartTime" in value and "logFiles" in value


def main(folder):
    result = {"records": 0, "unique": 0, "broken": [], "no_records": [],
              "digests": [], "regions": [], "tried": [], "lookup_ids": []}
    keys, regions = set(), set()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".md") or name == "LICENSE":
                continue  # what trailnav's walk skips by name
            path = os.path.join(root, name)
            if looks_like_json(path):
                result["tried"].append(path)
            try:
                values = load(path)
            except (ValueError, OSError, EOFError, UnicodeDecodeError):
                result["broken"].append(path)
                continue
            if len(values) == 1 and is_digest(values[0]):
                result["digests"].append(path)
                continue
            recs = []
            for v in values:
                recs += records_in(v, result["lookup_ids"])
            if not recs:
                result["no_records"].append(path)
            for r in recs:
                result["records"] += 1
                eid = r.get("eventID")
                keys.add(("id", eid) if isinstance(eid, str) and eid
                         else ("json", json.dumps(r, sort_keys=True)))
                if isinstance(r.get("awsRegion"), str):
                    regions.add(r["awsRegion"])
    result["unique"] = len(keys)
    result["regions"] = sorted(regions)
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
