#!/usr/bin/python3
"""Generate the synthetic log samples in samples/logs (deterministic: fixed
seed and start time). Everything here is invented: hosts, users, addresses
(RFC 5737 / RFC 1918 ranges) and messages."""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

OUT = sys.argv[1] if len(sys.argv) > 1 else "samples/logs"
rng = random.Random(20240501)
T0 = datetime(2024, 5, 1, 9, 0, 0, tzinfo=timezone.utc)


def ticks(n, mean_gap):
    t = T0
    for _ in range(n):
        t += timedelta(seconds=rng.expovariate(1 / mean_gap), microseconds=rng.randrange(1000000))
        yield t


def syslog(n=260):
    users = ["deploy", "admin", "backup", "ci"]
    bad = ["oracle", "test", "guest", "ubnt", "postgres"]
    lines = []
    for t in ticks(n, 14):
        ts = t.strftime("%b %e %H:%M:%S")
        pid = rng.randrange(900, 32000)
        r = rng.random()
        if r < 0.22:
            lines.append(f"{ts} web01 sshd[{pid}]: Accepted publickey for {rng.choice(users)} from 192.0.2.{rng.randrange(2, 250)} port {rng.randrange(30000, 65000)} ssh2: ED25519 SHA256:{rng.getrandbits(64):016x}")
        elif r < 0.34:
            lines.append(f"{ts} web01 sshd[{pid}]: Failed password for invalid user {rng.choice(bad)} from 198.51.100.{rng.randrange(2, 250)} port {rng.randrange(30000, 65000)} ssh2")
        elif r < 0.46:
            lines.append(f"{ts} web01 CRON[{pid}]: (root) CMD (test -x /usr/sbin/anacron || run-parts --report /etc/cron.{rng.choice(['daily', 'hourly'])})")
        elif r < 0.58:
            unit = rng.choice(["nginx.service", "docmill.service", "logrotate.service", "apt-daily.service"])
            verb = rng.choice(["Started", "Starting", "Finished", "Reloaded"])
            lines.append(f"{ts} web01 systemd[1]: {verb} {unit}.")
        elif r < 0.66:
            lines.append(f"{ts} web01 kernel: [{rng.uniform(1000, 90000):.6f}] TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.")
        elif r < 0.72:
            lines.append(f"{ts} web01 kernel: [{rng.uniform(1000, 90000):.6f}] Out of memory: Killed process {pid} (java) total-vm:{rng.randrange(4, 9)}123456kB, anon-rss:{rng.randrange(1, 3)}987654kB")
        elif r < 0.84:
            lines.append(f"{ts} web01 dockerd[{pid}]: time=\"{t.isoformat()}\" level={rng.choice(['info', 'warning'])} msg=\"container {rng.getrandbits(48):012x} health status changed\"")
        else:
            lines.append(f"{ts} web01 postfix/smtp[{pid}]: {rng.getrandbits(40):010X}: to=<ops@example.org>, relay=mail.example.org[203.0.113.25]:25, delay={rng.uniform(0.1, 4):.1f}, status={rng.choice(['sent', 'sent', 'deferred'])}")
    return lines


def nginx(n=420):
    paths = ["/", "/api/search?q=indemnification", "/api/search?q=termination+for+convenience", "/api/documents",
             "/api/documents/8f14e45fceea167a5a36dedd4bea2543", "/static/app.js", "/static/style.css", "/healthz",
             "/metrics", "/favicon.ico", "/wp-login.php", "/.env"]
    agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
              "curl/8.5.0", "Prometheus/2.51.0", "python-requests/2.31.0", "Mozilla/5.0 (compatible; Googlebot/2.1)"]
    lines = []
    for t in ticks(n, 6):
        path = rng.choice(paths)
        method = "POST" if path == "/api/documents" else "GET"
        if path in ("/wp-login.php", "/.env", "/favicon.ico"):
            status = 404
        else:
            status = rng.choices([200, 200, 200, 201, 304, 400, 499, 502, 503], k=1)[0]
            if method == "POST" and status == 200:
                status = 201
        size = 0 if status in (304, 499) else rng.randrange(150, 48000)
        ip = f"10.20.{rng.randrange(0, 4)}.{rng.randrange(2, 250)}"
        rt = rng.uniform(0.001, 0.9 if status < 500 else 30)
        lines.append(f'{ip} - - [{t.strftime("%d/%b/%Y:%H:%M:%S +0000")}] "{method} {path} HTTP/1.1" {status} {size} "-" "{rng.choice(agents)}" rt={rt:.3f}')
    return lines


TRACE = """java.net.SocketTimeoutException: Read timed out
	at java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)
	at java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:314)
	at java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)
	at org.example.billing.LedgerClient.post(LedgerClient.java:142)
	at org.example.billing.InvoiceService.settle(InvoiceService.java:88)
	at org.example.billing.InvoiceJob.run(InvoiceJob.java:51)
	at java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)
	at java.base/java.lang.Thread.run(Thread.java:1583)
Caused by: java.io.IOException: connection reset by peer
	at org.example.billing.LedgerClient.readResponse(LedgerClient.java:201)
	... 6 more"""


def applog(n=300):
    lines = []
    for t in ticks(n, 9):
        ts = t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}"
        th = f"pool-1-thread-{rng.randrange(1, 9)}"
        r = rng.random()
        inv = f"INV-{rng.randrange(100000, 999999)}"
        if r < 0.55:
            lines.append(f"{ts} INFO  [{th}] o.e.billing.InvoiceService - invoice {inv} settled amount={rng.randrange(10, 9000)}.{rng.randrange(0, 99):02d} EUR in {rng.randrange(12, 480)} ms")
        elif r < 0.70:
            lines.append(f"{ts} DEBUG [{th}] o.e.billing.LedgerClient - POST /ledger/entries status=200 bytes={rng.randrange(200, 4000)}")
        elif r < 0.84:
            lines.append(f"{ts} WARN  [{th}] o.e.billing.LedgerClient - slow response from ledger: {rng.randrange(2000, 9000)} ms (threshold 2000 ms)")
        elif r < 0.92:
            lines.append(f"{ts} WARN  [{th}] o.e.billing.RetryPolicy - retrying invoice {inv}, attempt {rng.randrange(2, 5)} of 5")
        elif r < 0.985:
            lines.append(f"{ts} ERROR [{th}] o.e.billing.InvoiceService - failed to settle invoice {inv}: ledger unavailable")
        else:
            lines.append(f"{ts} ERROR [{th}] o.e.billing.InvoiceJob - unhandled exception in settlement job")
            lines.extend(TRACE.split("\n"))
    # One stack trace for certain, whatever the dice said.
    lines.append(f"{(T0 + timedelta(hours=1)).strftime('%Y-%m-%d %H:%M:%S')},001 ERROR [pool-1-thread-3] o.e.billing.InvoiceJob - unhandled exception in settlement job")
    lines.extend(TRACE.split("\n"))
    return lines


def jsonl(n=200):
    lines = []
    for t in ticks(n, 11):
        r = rng.random()
        rec = {"time": t.isoformat().replace("+00:00", "Z"), "level": "info", "service": "docmill",
               "msg": "document indexed", "doc": f"{rng.getrandbits(64):016x}", "ms": round(rng.uniform(2, 180), 1)}
        if r < 0.12:
            rec.update(level="warn", msg="consumer lag above threshold", lag=rng.randrange(500, 5000))
            del rec["doc"], rec["ms"]
        elif r < 0.18:
            rec.update(level="error", msg="parse failed, sent to dead-letter queue", reason=rng.choice(
                ["corrupt or unreadable PDF", "unsupported or binary content", "encrypted PDF (password required)"]))
        elif r < 0.25:
            rec.update(level="debug", msg="batch flushed", size=rng.randrange(10, 1000))
            del rec["doc"]
        lines.append(json.dumps(rec, separators=(",", ":")))
    return lines


def write(name, lines):
    with open(f"{OUT}/{name}", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


write("syslog", syslog())
write("nginx-access.log", nginx())
write("billing-service.log", applog())
write("docmill-events.jsonl", jsonl())
