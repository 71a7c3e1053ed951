#!/usr/bin/env python3
"""make_hostile.py - write the hostile corpus of issue 6 into a folder.

Each file's name says what it is; good/ holds files that must import,
bad/ files that must fail (each reported with its path and a reason).
Files that need special permissions or links are made by the shell test.
Writes, to stdout, a JSON object with the number of events good/ holds.

Usage: make_hostile.py DIR
"""
import gzip
import json
import os
import sys
import zlib

ESC = "\x1b"
# Terminal attacks: set the title, clear the screen, write the clipboard
# (OSC 52), move the cursor, ring the bell.
ATTACKS = [
    ESC + "]0;pwned" + "\x07",
    ESC + "[2J" + ESC + "[H",
    ESC + "]52;c;" + "ZWNobyBwd25lZA==" + "\x07",
    ESC + "[10;10H" + ESC + "[31m",
    "\x07\x08\x7f\x9b" + "31m",
]
FORMULAS = ["=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1+1)", "\tx", "\rx"]

counter = [0]


def record(**over):
    counter[0] += 1
    r = {
        "eventVersion": "1.09",
        "userIdentity": {"type": "IAMUser", "arn":
                         "arn:aws:iam::123456789012:user/hostile",
                         "accountId": "123456789012", "userName": "hostile",
                         "accessKeyId": "AKIAHOSTILE000000001"},
        "eventTime": "2024-05-01T10:%02d:%02dZ" % (counter[0] // 60 % 60,
                                                  counter[0] % 60),
        "eventSource": "s3.amazonaws.com", "eventName": "ListBuckets",
        "awsRegion": "us-east-1", "sourceIPAddress": "198.51.100.7",
        "userAgent": "aws-cli/2.15.0",
        "eventID": "hostile-%06d" % counter[0],
        "eventType": "AwsApiCall", "managementEvent": True,
        "recipientAccountId": "123456789012",
    }
    r.update(over)
    return r


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def delivery(records):
    return json.dumps({"Records": records}).encode()


def main():
    d = sys.argv[1]
    good, bad = os.path.join(d, "good"), os.path.join(d, "bad")
    events = 0

    # ---- must fail ----
    # A gzip bomb: one member inflating to 1 GiB of spaces after a valid
    # start, then three more of spaces alone (multi-member): 4 GiB from
    # ~4 MB.
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    member = z.compress(b'{"Records":[')
    chunk = b" " * (1 << 20)
    for _ in range(1024):
        member += z.compress(chunk)
    member += z.flush()
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    spaces = b"".join(z.compress(chunk) for _ in range(1024)) + z.flush()
    write(os.path.join(bad, "bomb.json.gz"), member + spaces * 3)
    whole = gzip.compress(delivery([record()]))
    write(os.path.join(bad, "truncated.json.gz"), whole[: len(whole) // 2])
    write(os.path.join(bad, "trailing-garbage.json.gz"), whole + b"GARBAGE!")
    write(os.path.join(bad, "empty.json"), b"")
    write(os.path.join(bad, "not-json.json"), b"this is not JSON at all\n")
    write(os.path.join(bad, "deep.json"),
          b'{"Records":[' + b"[" * 100000 + b"]" * 100000 + b"]}")
    write(os.path.join(bad, "records-not-array.json"),
          b'{"Records":{"eventID":"x"}}')
    write(os.path.join(bad, "records-string.json"), b'{"Records":"nope"}')

    # ---- must import ----
    def good_file(name, records, compress=False):
        nonlocal events
        data = delivery(records)
        write(os.path.join(good, name),
              gzip.compress(data) if compress else data)
        events += len(records)

    # One document split across two gzip members, as concatenating
    # gzip streams makes.
    doc = delivery([record(), record(), record()])
    write(os.path.join(good, "multi-member.json.gz"),
          gzip.compress(doc[:100]) + gzip.compress(doc[100:]))
    events += 3
    good_file("empty-records.json", [])
    # Over the importer's 96 MiB cap on a file: reported as too large.
    write(os.path.join(bad, "huge-string.json"), delivery(
        [record(requestParameters={"blob": "A" * (100 << 20)})]))
    good_file("big-string.json",
              [record(requestParameters={"blob": "B" * (40 << 20)})])
    write(os.path.join(good, "invalid-utf8.json"),
          delivery([record(userAgent="UTF8_PLACEHOLDER")]).replace(
              b"UTF8_PLACEHOLDER", b"\xff\xfe bad \xc3\x28 utf8"))
    events += 1
    good_file("nul-in-strings.json",
              [record(userAgent="nul\u0000inside", errorMessage="a\u0000b")])
    dup = json.dumps(record()).replace(
        '"eventName": "ListBuckets"',
        '"eventName": "ListBuckets", "eventName": "DeleteBucket"')
    write(os.path.join(good, "duplicate-keys.json"),
          ('{"Records":[%s]}' % dup).encode())
    events += 1
    good_file("wrong-types.json", [
        record(eventName=12345, awsRegion={"a": 1}, userAgent=["x"],
               sourceIPAddress=None, readOnly="maybe", userIdentity="root"),
        record(eventTime=1714557600, eventSource=True, errorCode=404),
    ])
    no_id = record()
    del no_id["eventID"]
    no_time = record()
    del no_time["eventTime"]
    good_file("no-id-no-time.json", [no_id, no_time])
    good_file("control-sequences.json", [
        record(userAgent=atk, errorCode="AccessDenied",
               errorMessage="denied " + atk,
               requestParameters={"bucketName": atk, atk: atk})
        for atk in ATTACKS], compress=True)
    good_file("csv-formulas.json", [
        record(userAgent=f, errorMessage=f,
               userIdentity={"type": "IAMUser", "userName": f,
                             "arn": "arn:aws:iam::123456789012:user/" + f})
        for f in FORMULAS])
    json.dump({"good_events": events}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
