"""Seeded generator of realistic multi-line log files.

docmill may not train on loghub (research-only licence), so the "log" class
is learned from logs this module writes. Each family imitates a common real
format closely enough that a reader would take it for a production log:
timestamps that advance, a small set of hosts/components/request paths that
repeat, bursts of errors, Java stack traces and so on. Everything depends
only on the seed, so the corpus is reproducible.
"""

import datetime as _dt
import json
import random
import re

_PH = re.compile(r"\{(n|h|w|c|ns|pod|host)\}")

FAMILIES = [
    "syslog",
    "web_access",
    "web_error",
    "java_app",
    "json_lines",
    "k8s",
    "python_app",
    "hadoop",
    "windows_cbs",
    "database",
]

_WORDS = (
    "cache user session request response connection timeout retry worker "
    "queue job task node cluster shard index replica lease lock token file "
    "disk volume socket handler upstream backend client server message batch "
    "checkpoint snapshot transaction commit rollback heartbeat config reload"
).split()
_USERS = ["alice", "bob", "carol", "dave", "erin", "svc-backup", "deploy", "root", "www-data", "postgres"]
_HOSTS = ["web01", "web02", "db-primary", "db-replica", "cache-3", "node-17", "ip-10-0-3-21", "build-agent", "edge-fra1", "api-7f9c"]
_PATHS = [
    "/", "/index.html", "/api/v1/orders", "/api/v1/orders/{n}", "/api/v2/users/{n}/profile", "/static/js/app.{h}.js",
    "/static/css/main.{h}.css", "/login", "/logout", "/healthz", "/metrics", "/search?q={w}", "/images/{w}.png",
    "/favicon.ico", "/robots.txt", "/wp-login.php", "/docs/{w}", "/cart/add", "/checkout", "/feed.xml",
]
_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "curl/8.4.0", "Go-http-client/1.1", "python-requests/2.31.0", "kube-probe/1.28",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Prometheus/2.48.0",
]
_JAVA_PKGS = ["com.acme.billing", "org.example.orders", "io.shop.cart", "net.corp.auth", "com.bank.ledger"]
_JAVA_CLASSES = ["OrderService", "PaymentGateway", "UserRepository", "SessionManager", "InvoiceScheduler",
                 "KafkaConsumerWorker", "HttpClientPool", "CacheLoader", "AuditLogger", "TokenValidator"]
_EXCEPTIONS = [
    ("java.lang.NullPointerException", "Cannot invoke \"{c}.getId()\" because \"{w}\" is null"),
    ("java.net.SocketTimeoutException", "Read timed out"),
    ("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms."),
    ("java.lang.IllegalStateException", "{c} is not initialised"),
    ("java.io.IOException", "Broken pipe"),
    ("org.springframework.dao.DataIntegrityViolationException", "could not execute statement; constraint [uk_{w}_id]"),
    ("java.util.concurrent.TimeoutException", "Timeout waiting for task {n}"),
]
_PY_MODULES = ["app.api", "app.worker", "app.db", "celery.worker", "uvicorn.error", "requests.adapters", "myservice.sync"]
_K8S_FILES = ["controller.go", "reflector.go", "kubelet.go", "pod_workers.go", "leaderelection.go", "event.go", "scheduler.go"]
_K8S_MSGS = [
    "Successfully assigned {ns}/{pod} to {host}",
    "Pulling image \"registry.example.com/{w}:v1.{n}.0\"",
    "Started container {w}",
    "Back-off restarting failed container {w} in pod {pod}_{ns}",
    "failed to list *v1.Pod: Get \"https://10.96.0.1:443/api/v1/pods?limit=500\": dial tcp 10.96.0.1:443: i/o timeout",
    "Liveness probe failed: HTTP probe failed with statuscode: 503",
    "attempting to acquire leader lease {ns}/{w}-controller...",
    "successfully acquired lease {ns}/{w}-controller",
    "Watch close - *v1.ConfigMap total {n} items received",
    "SyncLoop (PLEG): event for pod \"{pod}_{ns}\", event: ContainerDied",
    "Killing container with a grace period of 30s",
]


class _Ctx:
    """Per-document state: random source, clock and a few recurring names."""

    def __init__(self, rng):
        self.rng = rng
        base = _dt.datetime(2023, 1, 1) + _dt.timedelta(seconds=rng.randrange(0, 3 * 365 * 86400))
        self.t = base
        self.host = rng.choice(_HOSTS)
        self.ips = ["%d.%d.%d.%d" % (rng.choice([10, 172, 192, 203, 84, 66]), rng.randrange(256), rng.randrange(256), rng.randrange(1, 255)) for _ in range(rng.randrange(3, 12))]
        self.pids = [rng.randrange(100, 65000) for _ in range(4)]
        self.ns = rng.choice(["default", "kube-system", "payments", "monitoring", "ingress-nginx"])

    def tick(self, lo=0.001, hi=5.0):
        self.t += _dt.timedelta(seconds=self.rng.uniform(lo, hi) ** 1.5)
        return self.t

    def fill(self, s):
        """Replace each {placeholder} independently, so repeated ones differ."""
        r = self.rng
        gen = {
            "n": lambda: str(r.randrange(1, 99999)), "h": lambda: "%08x" % r.getrandbits(32),
            "w": lambda: r.choice(_WORDS), "c": lambda: r.choice(_JAVA_CLASSES), "ns": lambda: self.ns,
            "pod": lambda: "%s-%05x-%05x" % (r.choice(_WORDS), r.getrandbits(20), r.getrandbits(20)),
            "host": lambda: self.host,
        }
        return _PH.sub(lambda m: gen[m.group(1)](), s)

    def msg(self):
        r = self.rng
        templates = [
            "{w} {w} completed in {n} ms",
            "starting {w} for {w} id={n}",
            "{w} pool size={n} active={n}",
            "retrying {w} (attempt {n})",
            "failed to {w} {w}: connection refused",
            "received {n} bytes from {w}",
            "{w} checkpoint written to /var/lib/{w}/{h}.dat",
            "user {u} {w} {w} from {ip}",
            "config reloaded, {n} entries",
            "slow {w}: {n} ms exceeds threshold",
        ]
        s = r.choice(templates).replace("{u}", r.choice(_USERS)).replace("{ip}", r.choice(self.ips))
        return self.fill(s)


def _level(rng, weights=(70, 18, 9, 3)):
    return rng.choices(["INFO", "DEBUG", "WARN", "ERROR"], weights=weights)[0]


def _syslog(c):
    r = c.rng
    progs = ["sshd", "CRON", "systemd", "kernel", "postfix/smtpd", "dhclient", "sudo", "nginx", "dockerd"]
    t = c.tick()
    p = r.choice(progs)
    if p == "sshd":
        m = r.choice([
            "Accepted publickey for %s from %s port %d ssh2: RSA SHA256:%s" % (r.choice(_USERS), r.choice(c.ips), r.randrange(1024, 65535), "%012x" % r.getrandbits(48)),
            "Failed password for invalid user %s from %s port %d ssh2" % (r.choice(["admin", "test", "oracle", "ubuntu"]), r.choice(c.ips), r.randrange(1024, 65535)),
            "pam_unix(sshd:session): session opened for user %s(uid=%d) by (uid=0)" % (r.choice(_USERS), r.randrange(0, 2000)),
            "Connection closed by %s port %d [preauth]" % (r.choice(c.ips), r.randrange(1024, 65535)),
        ])
    elif p == "CRON":
        m = "(%s) CMD (%s)" % (r.choice(_USERS), r.choice(["run-parts /etc/cron.hourly", "/usr/local/bin/backup.sh", "test -x /usr/sbin/anacron"]))
    elif p == "kernel":
        m = r.choice([
            "[%d.%06d] eth0: Link is Up - 1Gbps/Full - flow control rx/tx" % (r.randrange(1, 99999), r.randrange(10 ** 6)),
            "[%d.%06d] Out of memory: Killed process %d (java) total-vm:%dkB" % (r.randrange(1, 99999), r.randrange(10 ** 6), r.choice(c.pids), r.randrange(10 ** 6, 10 ** 7)),
            "[%d.%06d] EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro" % (r.randrange(1, 99999), r.randrange(10 ** 6)),
            "[%d.%06d] TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies." % (r.randrange(1, 99999), r.randrange(10 ** 6)),
        ])
    elif p == "systemd":
        m = r.choice(["Started %s.service - %s." % (w, w.title()) for w in ("nginx", "docker", "cron", "rsyslog")] +
                     ["Stopping User Manager for UID %d..." % r.randrange(1000, 1010), "Reloading.", "%s.service: Main process exited, code=exited, status=1/FAILURE" % r.choice(_WORDS)])
    else:
        m = c.msg()
    pid = "" if p == "kernel" else "[%d]" % r.choice(c.pids)
    return "%s %2d %s %s %s%s: %s" % (t.strftime("%b"), t.day, t.strftime("%H:%M:%S"), c.host, p, pid, m)


def _web_access(c):
    r = c.rng
    t = c.tick(0.0001, 1.0)
    status = r.choices([200, 304, 301, 404, 500, 502, 403], weights=[70, 8, 4, 10, 3, 2, 3])[0]
    path = c.fill(r.choice(_PATHS))
    return '%s - %s [%s +0000] "%s %s HTTP/1.1" %d %d "%s" "%s"' % (
        r.choice(c.ips), r.choice(["-", "-", "-", r.choice(_USERS)]), t.strftime("%d/%b/%Y:%H:%M:%S"),
        r.choice(["GET", "GET", "GET", "POST", "PUT", "DELETE", "HEAD"]), path, status,
        r.randrange(0, 250000), r.choice(["-", "https://www.example.com/", "https://www.google.com/"]), r.choice(_AGENTS))


def _web_error(c):
    r = c.rng
    t = c.tick()
    lvl = r.choice(["error", "warn", "notice", "crit"])
    cid, ip = r.randrange(1, 999999), r.choice(c.ips)
    p1, p2 = c.fill(r.choice(_PATHS)), c.fill(r.choice(_PATHS))
    msg = r.choice([
        '*%d upstream timed out (110: Connection timed out) while reading response header from upstream, client: %s, server: example.com, request: "GET %s HTTP/1.1", upstream: "http://127.0.0.1:8080%s"' % (cid, ip, p1, p1),
        '*%d open() "/var/www/html%s" failed (2: No such file or directory), client: %s, server: _, request: "GET %s HTTP/1.1"' % (cid, p1, ip, p1),
        '*%d connect() failed (111: Connection refused) while connecting to upstream, client: %s, request: "POST %s HTTP/1.1"' % (cid, ip, p2),
        '*%d client intended to send too large body: %d bytes, client: %s, request: "PUT %s HTTP/1.1"' % (cid, r.randrange(10 ** 6, 10 ** 9), ip, p2),
    ])
    return "%s [%s] %d#%d: %s" % (t.strftime("%Y/%m/%d %H:%M:%S"), lvl, r.choice(c.pids), r.randrange(0, 8), msg)


def _java_trace(c, exc, text):
    r = c.rng
    lines = ["%s: %s" % (exc, c.fill(text))]
    pkg = r.choice(_JAVA_PKGS)
    for _ in range(r.randrange(3, 12)):
        cls = r.choice(_JAVA_CLASSES)
        lines.append("\tat %s.%s.%s(%s.java:%d)" % (pkg, cls, r.choice(["process", "handle", "run", "apply", "call", "load", "lambda$submit$0"]), cls, r.randrange(20, 900)))
    lines.append("\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)")
    lines.append("\tat java.base/java.lang.Thread.run(Thread.java:833)")
    if r.random() < 0.3:
        e2, t2 = r.choice(_EXCEPTIONS)
        lines.append("Caused by: %s: %s" % (e2, c.fill(t2)))
        lines.append("\t... %d more" % r.randrange(3, 40))
    return lines


def _java_app(c):
    r = c.rng
    t = c.tick()
    lvl = _level(r)
    cls = "%s.%s" % (r.choice(_JAVA_PKGS), r.choice(_JAVA_CLASSES))
    head = "%s,%03d %-5s [%s] %s - %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, lvl,
                                        r.choice(["main", "http-nio-8080-exec-%d" % r.randrange(1, 50), "pool-2-thread-%d" % r.randrange(1, 9), "scheduling-1"]), cls, c.msg())
    if lvl == "ERROR" and r.random() < 0.7:
        exc, text = r.choice(_EXCEPTIONS)
        return "\n".join([head] + _java_trace(c, exc, text))
    return head


def _json_lines(c):
    r = c.rng
    t = c.tick()
    d = {"ts": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000), "level": _level(r).lower(),
         "logger": r.choice(_PY_MODULES + ["http", "grpc", "db"]), "msg": c.msg()}
    if r.random() < 0.6:
        d["request_id"] = "%032x" % r.getrandbits(128)
    if r.random() < 0.5:
        d["duration_ms"] = round(r.expovariate(1 / 40.0), 2)
    if r.random() < 0.4:
        d["status"] = r.choice([200, 201, 400, 401, 404, 500])
        d["path"] = c.fill(r.choice(_PATHS))
    if r.random() < 0.3:
        d["user_id"] = r.randrange(1, 10 ** 6)
    return json.dumps(d, separators=(",", ":") if r.random() < 0.5 else (", ", ": "))


def _k8s(c):
    r = c.rng
    t = c.tick()
    lvl = r.choices("IWE", weights=[80, 14, 6])[0]
    return "%s%s %d %s:%d] %s" % (lvl, t.strftime("%m%d %H:%M:%S.") + "%06d" % t.microsecond, r.choice(c.pids),
                                  r.choice(_K8S_FILES), r.randrange(50, 1200), c.fill(r.choice(_K8S_MSGS)))


def _python_app(c):
    r = c.rng
    t = c.tick()
    lvl = r.choices(["INFO", "DEBUG", "WARNING", "ERROR", "CRITICAL"], weights=[60, 20, 12, 7, 1])[0]
    head = "%s,%03d - %s - %s - %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, r.choice(_PY_MODULES), lvl, c.msg())
    if lvl == "ERROR" and r.random() < 0.6:
        lines = [head, "Traceback (most recent call last):"]
        for _ in range(r.randrange(2, 6)):
            lines.append('  File "/srv/app/%s/%s.py", line %d, in %s' % (r.choice(["api", "core", "db"]), r.choice(_WORDS), r.randrange(10, 600), r.choice(["handle", "run", "_fetch", "process_batch", "__call__"])))
            lines.append("    %s = %s(%s)" % (r.choice(_WORDS), r.choice(_WORDS), r.choice(_WORDS)))
        lines.append(r.choice(["KeyError: '%s'" % r.choice(_WORDS), "ValueError: invalid literal for int() with base 10: '%s'" % r.choice(_WORDS),
                               "ConnectionResetError: [Errno 104] Connection reset by peer", "TimeoutError: timed out"]))
        return "\n".join(lines)
    return head


def _hadoop(c):
    r = c.rng
    t = c.tick()
    comp = r.choice(["org.apache.hadoop.hdfs.server.datanode.DataNode", "org.apache.hadoop.yarn.server.resourcemanager.RMAppManager",
                     "org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.storage.BlockManagerInfo", "org.apache.hadoop.ipc.Server"])
    m = r.choice([
        "Receiving block blk_%d_%d src: /%s:%d dest: /%s:50010" % (r.getrandbits(40), r.randrange(1000, 9999), r.choice(c.ips), r.randrange(30000, 60000), r.choice(c.ips)),
        "Finished task %d.0 in stage %d.0 (TID %d) in %d ms on %s (executor %d) (%d/%d)" % (r.randrange(200), r.randrange(40), r.randrange(9999), r.randrange(10, 9000), c.host, r.randrange(1, 20), r.randrange(1, 200), 200),
        "Added broadcast_%d_piece0 in memory on %s:%d (size: %.1f KiB, free: %.1f MiB)" % (r.randrange(99), r.choice(c.ips), r.randrange(30000, 60000), r.uniform(1, 90), r.uniform(100, 4000)),
        "application_%d_%04d State change from RUNNING to FINISHED" % (r.randrange(10 ** 12, 10 ** 13), r.randrange(9999)),
        "IPC Server handler %d on 8020, call Call#%d Retry#0 org.apache.hadoop.hdfs.protocol.ClientProtocol.addBlock" % (r.randrange(30), r.randrange(99999)),
    ])
    return "%s %s %s: %s" % (t.strftime("%y/%m/%d %H:%M:%S"), _level(r), comp, m)


def _windows_cbs(c):
    r = c.rng
    t = c.tick()
    m = r.choice([
        "Loaded Servicing Stack v10.0.%d.%d with Core: C:\\Windows\\winsxs\\amd64_microsoft-windows-servicingstack_31bf3856ad364e35\\cbscore.dll" % (r.randrange(19000, 22631), r.randrange(1, 4000)),
        "Session: %d_%d initialized by client WindowsUpdateAgent, external staging directory: (null)" % (r.randrange(30000000, 31000000), r.getrandbits(31)),
        "Read out cached package applicability for package: Package_for_KB%d~31bf3856ad364e35~amd64~~%d.1.%d, ApplicableState: 112, CurrentState:112" % (r.randrange(4000000, 5100000), r.randrange(10, 22), r.randrange(1, 9)),
        "Failed to internally open package. [HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]",
        "Warning: Unrecognized packageExtended attribute.",
    ])
    return "%s, %s %-18s %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), r.choice(["Info", "Info", "Error", "Warning"]), r.choice(["CBS", "CSI", "DPX"]), m)


def _database(c):
    r = c.rng
    t = c.tick()
    m = r.choice([
        "LOG:  checkpoint starting: time",
        "LOG:  checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, %d recycled; write=%.3f s" % (r.randrange(10, 9000), r.uniform(0, 40), r.randrange(0, 5), r.uniform(0, 300)),
        "ERROR:  duplicate key value violates unique constraint \"%s_pkey\"" % r.choice(_WORDS),
        "STATEMENT:  INSERT INTO %s (id, %s) VALUES ($1, $2)" % (r.choice(_WORDS), r.choice(_WORDS)),
        "LOG:  duration: %.3f ms  statement: SELECT * FROM %s WHERE id = %d" % (r.uniform(0.1, 9000), r.choice(_WORDS), r.randrange(99999)),
        "FATAL:  password authentication failed for user \"%s\"" % r.choice(_USERS),
        "LOG:  connection received: host=%s port=%d" % (r.choice(c.ips), r.randrange(30000, 65000)),
        "WARNING:  there is no transaction in progress",
        "LOG:  automatic vacuum of table \"app.public.%s\": index scans: %d" % (r.choice(_WORDS), r.randrange(0, 3)),
    ])
    return "%s.%03d UTC [%d] %s" % (t.strftime("%Y-%m-%d %H:%M:%S"), t.microsecond // 1000, r.choice(c.pids), m)


_GEN = {
    "syslog": _syslog, "web_access": _web_access, "web_error": _web_error, "java_app": _java_app,
    "json_lines": _json_lines, "k8s": _k8s, "python_app": _python_app, "hadoop": _hadoop,
    "windows_cbs": _windows_cbs, "database": _database,
}


def generate(family, seed, min_lines=8, max_lines=160):
    """Return one log document of the given family, fully determined by seed."""
    rng = random.Random("%s/%d" % (family, seed))
    c = _Ctx(rng)
    n = int(min_lines + (max_lines - min_lines) * rng.random() ** 2)
    fn = _GEN[family]
    return "\n".join(fn(c) for _ in range(n)) + "\n"


def documents(per_family, seed=0):
    """Yield (id, family, text) for per_family documents of every family."""
    for fam in FAMILIES:
        for i in range(per_family):
            yield "gen-%s-%04d" % (fam, i), fam, generate(fam, seed * 100000 + i)
