#!/usr/bin/env python3
"""Posts department records to the intake at a steady rate, one request at a time per connection.

usage: steady.py BASE_URL RECORDS_PER_SECOND SECONDS
Eight keep-alive connections, each sending on a fixed schedule (a late send does not make the next one
early). Prints "N accepted, M failed in S s". Exits non-zero if any failed.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid

url = urllib.parse.urlparse(sys.argv[1])
rate = float(sys.argv[2])
seconds = float(sys.argv[3])
connections = 8
interval = connections / rate
run = uuid.uuid4().hex[:8]
accepted = [0] * connections
failed = [0] * connections


def worker(n):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    start = time.monotonic() + n * interval / connections
    i = 0
    while True:
        due = start + i * interval
        if due - start >= seconds:
            break
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        code = f"S{run}-{n}-{i}"
        body = json.dumps({"sourceSystem": "HIS", "externalId": code, "operation": "CREATE",
                           "sentAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                           "data": {"code": code, "name": "Steady department", "costCenter": "CC-1"}})
        try:
            conn.request("POST", "/api/v1/interfaces/departments/records", body,
                         {"Content-Type": "application/json", "X-API-Key": "his-dev-key"})
            response = conn.getresponse()
            response.read()
            if response.status == 202:
                accepted[n] += 1
            else:
                failed[n] += 1
        except OSError:
            failed[n] += 1
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        i += 1


threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
began = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - began
print(f"{sum(accepted)} accepted, {sum(failed)} failed in {elapsed:.1f} s")
sys.exit(1 if sum(failed) else 0)
