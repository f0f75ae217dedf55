#!/usr/bin/env python3
"""Brings the hub's FAILED and SKIPPED outcomes back to the sending system, each exactly once.

A partner's integration job, in the standard library only: it reads the outcome feed from where it left off
(the cursor kept in a file), hands each outcome to handle() (here: one JSON line on stdout, where a real
system would mark its record for correction), and saves the cursor only after the page was handled, so a
crash repeats a page at worst and never skips one.

    HUB_URL=http://localhost:8080 HUB_API_KEY=his-dev-key docs/partner/sync-failures.py --once
    HUB_URL=... HUB_API_KEY=... docs/partner/sync-failures.py --every 60       # poll every minute
"""
import argparse
import json
import os
import sys
import time
import urllib.parse
import urllib.request


def handle(receipt):
    """What the sending system does with one outcome: here, print it."""
    print(json.dumps({k: receipt.get(k) for k in
                      ("interface", "externalId", "sentAt", "status", "errorMessage", "receiptId")},
                     ensure_ascii=False), flush=True)


def read_page(url, key, after, statuses):
    query = urllib.parse.urlencode({"status": statuses, "after": after, "limit": 500})
    request = urllib.request.Request(f"{url}/api/v1/receipts?{query}", headers={"X-API-Key": key})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def sync(url, key, cursor_file, statuses):
    """Reads the feed until it has nothing new; answers how many outcomes were handled."""
    after = open(cursor_file).read().strip() if os.path.exists(cursor_file) else ""
    handled = 0
    while True:
        page = read_page(url, key, after, statuses)
        for receipt in page["items"]:
            handle(receipt)
            handled += 1
        after = page["next"]
        with open(cursor_file + ".tmp", "w") as f:   # the cursor moves only once the page is handled
            f.write(after)
        os.replace(cursor_file + ".tmp", cursor_file)
        if not page["more"]:
            return handled


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--once", action="store_true", help="read what is new, then stop")
    parser.add_argument("--every", type=int, default=60, help="seconds between polls (default 60)")
    parser.add_argument("--cursor", default=".hub-feed-cursor", help="where the cursor is kept")
    parser.add_argument("--status", default="FAILED,SKIPPED", help="outcomes to bring back")
    args = parser.parse_args()
    url = os.environ.get("HUB_URL", "http://localhost:8080").rstrip("/")
    key = os.environ.get("HUB_API_KEY")
    if not key:
        sys.exit("set HUB_API_KEY to your system's API key")
    while True:
        handled = sync(url, key, args.cursor, args.status)
        print(f"{handled} outcome(s) brought back", file=sys.stderr)
        if args.once:
            return
        time.sleep(args.every)


if __name__ == "__main__":
    main()
