#!/usr/bin/env python3
"""Verify the CPSX audit log's hash chain from a database dump, without CPSX's code.

Every audit_log entry carries seq (1, 2, ... without gaps), prev_hash (the
entry_hash of the entry at seq - 1; 64 zeros for seq 1) and entry_hash:

    entry_hash = lower-case hex SHA-256 of the UTF-8 bytes of the JSON text
    ["cpsx-audit-v1", seq, id, at, actor, action, subject, detail, prev_hash]

printed as PostgreSQL prints jsonb: ", " between elements, strings escaped
only for '"', '\\' and control characters (\\b \\f \\n \\r \\t, others \\u00xx),
`at` in UTC as yyyy-MM-ddTHH:mm:ss.ffffffZ, a NULL subject as null, and
detail exactly as its jsonb text in the dump.

Input, either of:
  * a plain pg_dump (pg_dump --format=plain ...): the COPY blocks of
    audit_log and, if present, audit_chain_head are used;
  * a CSV with a header row, e.g. psql:
    \\copy (SELECT * FROM audit_log ORDER BY seq) TO 'audit.csv' WITH (FORMAT csv, HEADER)
Dates must be in ISO style (DateStyle ISO, pg_dump's and psql's default).

Usage:
    python3 verify_audit_chain.py DUMP [--head SEQ:HASH] [--anchor SEQ:HASH ...]

--head is the chain head as recorded elsewhere (taken from audit_chain_head
when the dump has it); --anchor is any entry's hash you noted earlier, e.g.
from the portal's audit page. Exit status: 0 when the chain verifies (prints
the number of entries and the head), 1 when it is broken (names the first
broken link), 2 when the input cannot be read. Python 3.11+, standard
library only.
"""

import argparse
import csv
import hashlib
import json
import re
import sys
from datetime import datetime, timezone

GENESIS = "0" * 64
FIELDS = ("id", "at", "actor", "action", "subject", "detail", "seq", "prev_hash", "entry_hash")


def canonical(entry, seq, prev_hash):
    at = datetime.fromisoformat(entry["at"]).astimezone(timezone.utc)
    parts = [
        json.dumps("cpsx-audit-v1"),
        str(seq),
        str(int(entry["id"])),
        json.dumps(at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")),
        json_string(entry["actor"]),
        json_string(entry["action"]),
        json_string(entry["subject"]),
        entry["detail"],
        json_string(prev_hash),
    ]
    return "[" + ", ".join(parts) + "]"


def json_string(value):
    # json.dumps escapes exactly what PostgreSQL's jsonb output escapes, in lower-case hex
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def entry_hash(entry, seq, prev_hash):
    return hashlib.sha256(canonical(entry, seq, prev_hash).encode("utf-8")).hexdigest()


# --- reading dumps -------------------------------------------------------------------------------

COPY_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def copy_field(raw):
    """One field of COPY's text format: \\N is NULL, backslash escapes as documented."""
    if raw == "\\N":
        return None
    out, i = [], 0
    while i < len(raw):
        c = raw[i]
        if c != "\\" or i + 1 == len(raw):
            out.append(c)
            i += 1
            continue
        n = raw[i + 1]
        if n in COPY_ESCAPES:
            out.append(COPY_ESCAPES[n])
            i += 2
        elif n == "x" and re.match(r"[0-9a-fA-F]", raw[i + 2 : i + 3]):
            m = re.match(r"[0-9a-fA-F]{1,2}", raw[i + 2 :])
            out.append(chr(int(m.group(0), 16)))
            i += 2 + len(m.group(0))
        elif n in "01234567":
            m = re.match(r"[0-7]{1,3}", raw[i + 1 :])
            out.append(chr(int(m.group(0), 8)))
            i += 1 + len(m.group(0))
        else:
            out.append(n)
            i += 2
    return "".join(out)


def copy_blocks(lines):
    """Rows of every COPY ... FROM stdin block of a plain dump, by table name."""
    tables, current, columns = {}, None, None
    header = re.compile(r"COPY (?:[\w\"]+\.)?\"?(\w+)\"? \(([^)]*)\) FROM stdin;")
    for line in lines:
        line = line.rstrip("\n")
        if current is None:
            m = header.match(line)
            if m:
                current = m.group(1)
                columns = [c.strip().strip('"') for c in m.group(2).split(",")]
                tables[current] = []
            continue
        if line == "\\.":
            current = None
            continue
        values = [copy_field(v) for v in line.split("\t")]
        tables[current].append(dict(zip(columns, values)))
    return tables


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if re.search(r"^COPY .*audit_log \(", text, re.M):
        tables = copy_blocks(text.splitlines(keepends=True))
        heads = tables.get("audit_chain_head", [])
        head = (int(heads[0]["seq"]), heads[0]["entry_hash"]) if heads else None
        return tables["audit_log"], head
    rows = list(csv.DictReader(text.splitlines(keepends=True)))
    if not rows or not set(FIELDS) <= set(rows[0]):
        raise ValueError("neither a pg_dump with audit_log nor a CSV with columns " + ", ".join(FIELDS))
    # CSV from COPY: an empty unquoted field is NULL; csv cannot tell, so only subject may be empty
    for row in rows:
        if row["subject"] == "":
            row["subject"] = None
    return rows, None


# --- the walk -------------------------------------------------------------------------------------


def verify(entries, head, anchors):
    """The first broken link as (entry id, seq, problem, text), or None; and the last entry."""
    unsealed = [e for e in entries if not e.get("seq")]
    chained = sorted((e for e in entries if e.get("seq")), key=lambda e: int(e["seq"]))
    expected_seq, prev, last = 1, GENESIS, None
    for e in chained:
        seq, eid = int(e["seq"]), int(e["id"])
        if head and seq > head[0]:
            return (eid, seq, "BEYOND_HEAD", f"the chain head ends at seq {head[0]}"), last
        if seq != expected_seq:
            return (eid, seq, "ENTRIES_MISSING", f"seq {expected_seq}..{seq - 1} missing"), last
        if e["prev_hash"] != prev:
            return (eid, seq, "LINK_BROKEN", f"prev_hash {e['prev_hash']}, previous entry hashes to {prev}"), last
        computed = entry_hash(e, seq, e["prev_hash"])
        if computed != e["entry_hash"]:
            return (eid, seq, "CONTENT_CHANGED", f"entry_hash {e['entry_hash']}, fields hash to {computed}"), last
        if seq in anchors and anchors[seq] != computed:
            return (eid, seq, "ANCHOR_MISMATCH", f"noted earlier as {anchors[seq]}, now {computed}"), last
        expected_seq, prev, last = seq + 1, computed, (seq, computed)
    if unsealed:
        e = min(unsealed, key=lambda e: int(e["id"]))
        return (int(e["id"]), None, "UNSEALED", "entry has no place in the chain"), last
    last_seq = last[0] if last else 0
    missing = [s for s in anchors if s > last_seq]
    if missing:
        return (None, min(missing), "TAIL_MISSING", f"anchor at seq {min(missing)}, chain ends at {last_seq}"), last
    if head and head[0] > last_seq:
        return (None, last_seq + 1, "TAIL_MISSING", f"the chain head is at seq {head[0]}, entries end at {last_seq}"), last
    if head and last and head[1] != last[1]:
        return (None, last_seq, "HEAD_MISMATCH", f"head hash {head[1]}, last entry {last[1]}"), last
    return None, last


def seq_hash(text):
    seq, _, digest = text.partition(":")
    return int(seq), digest.lower()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dump")
    parser.add_argument("--head", type=seq_hash, help="SEQ:HASH of the chain head noted elsewhere")
    parser.add_argument("--anchor", type=seq_hash, action="append", default=[], help="SEQ:HASH noted earlier")
    args = parser.parse_args()
    try:
        entries, head = read(args.dump)
    except (OSError, ValueError, KeyError) as e:
        print(f"cannot read {args.dump}: {e}", file=sys.stderr)
        return 2
    head = args.head or head
    broken, last = verify(entries, head, dict(args.anchor))
    if broken:
        eid, seq, problem, text = broken
        print(f"BROKEN at entry id {eid} (seq {seq}): {problem}: {text}")
        return 1
    print(f"VERIFIED {len(entries)} entries; head seq {last[0] if last else 0} hash {last[1] if last else GENESIS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
