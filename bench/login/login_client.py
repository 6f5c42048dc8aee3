#!/usr/bin/env python3
"""Full card logins against auth-service, as a browser does them, from several worker processes.

One login (the OIDC authorization-code flow with PKCE, measured until the code is issued):
  1. GET /oauth2/authorize on the main connector, no session  -> 302 to the card-login connector, session cookie
  2. GET /login/card/<profile> on the card-login connector over a NEW mTLS connection with the card's key and chain
     (full handshake; with --resume the previous connection's TLS session is offered)  -> 302 back, new session
  3. GET the saved authorization request on the main connector  -> 302 to the redirect URI with ?code=...&state=...
The main connector keeps one keep-alive connection per worker, as a browser would; only the card login opens a new
connection each time (the handshake the anchor `openssl s_time -new` measures). Every connection goes to 127.0.0.1
and names auth-service's own host (--main-host, auth.localhost; the card login's host from the redirect) in SNI, the
certificate check and the Host header: this machine's resolver may not know *.localhost.

Prints key=value lines: logins, errors, rps, p50_ms, p99_ms, client_cpu_s (the workers' CPU in the measured
window), resumed_pct (card-login handshakes resumed, warm-up included).
"""
import argparse
import base64
import hashlib
import http.client
import multiprocessing
import os
import secrets
import socket
import ssl
import sys
import time
from urllib.parse import urlencode, urlsplit, parse_qs

ADDRESS = "127.0.0.1"


class Connection(http.client.HTTPSConnection):
    """HTTPS to 127.0.0.1 with the certificate checked for the host given; optionally offering a TLS session."""

    def __init__(self, host, port, context, session=None, timeout=30):
        super().__init__(host, port, context=context, timeout=timeout)
        self._offer = session

    def connect(self):
        raw = socket.create_connection((ADDRESS, self.port), self.timeout)
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host, session=self._offer)
        self.reused = self.sock.session_reused
        self.session = None

    def close(self):
        # the card login answers "Connection: close": keep the TLS session for the next offer before it goes
        if self.sock is not None:
            self.session = self.sock.session
        super().close()


def cookie(response, name):
    for header in response.headers.get_all("Set-Cookie") or []:
        first = header.split(";", 1)[0]
        if first.startswith(name + "="):
            return first
    return None


def get(conn, target, cookie_header=None):
    headers = {"Accept": "text/html"}
    if cookie_header:
        headers["Cookie"] = cookie_header
    conn.request("GET", target, headers=headers)
    response = conn.getresponse()
    response.read()
    return response


def path_of(url):
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


class Worker:
    def __init__(self, args):
        self.args = args
        self.main_ctx = ssl.create_default_context(cafile=args.cafile)
        self.card_ctx = ssl.create_default_context(cafile=args.cafile)
        self.card_ctx.load_cert_chain(args.cert, args.key)
        self.main = Connection(args.main_host, args.main_port, self.main_ctx)
        self.session = None
        self.resumed = 0
        self.handshakes = 0

    def login(self):
        a = self.args
        verifier = secrets.token_urlsafe(48)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        state = secrets.token_urlsafe(16)
        query = urlencode({"response_type": "code", "client_id": a.client_id, "scope": "openid profile",
                           "redirect_uri": a.redirect_uri, "state": state, "nonce": secrets.token_urlsafe(16),
                           "code_challenge": challenge, "code_challenge_method": "S256"})
        r = get(self.main, "/oauth2/authorize?" + query)
        session_cookie = cookie(r, a.cookie)
        location = r.getheader("Location") or ""
        if r.status != 302 or not session_cookie or "/login/card/" not in location:
            raise RuntimeError(f"authorize: {r.status} {location!r} cookie={bool(session_cookie)}")
        card_url = urlsplit(location)
        card = Connection(card_url.hostname, card_url.port, self.card_ctx, self.session if a.resume else None)
        try:
            r = get(card, path_of(location), session_cookie)
            self.handshakes += 1
        finally:
            card.close()
        if a.resume:
            self.resumed += 1 if card.reused else 0
            self.session = card.session
        back = r.getheader("Location") or ""
        if r.status != 302 or "/oauth2/authorize" not in back:
            raise RuntimeError(f"card login: {r.status} {back!r} refusal={r.getheader('Sscard-Login-Refusal')}")
        session_cookie = cookie(r, a.cookie) or session_cookie
        r = get(self.main, path_of(back), session_cookie)
        redirect = r.getheader("Location") or ""
        params = parse_qs(urlsplit(redirect).query)
        if r.status != 302 or not redirect.startswith(a.redirect_uri) or not params.get("code") \
                or params.get("state") != [state]:
            raise RuntimeError(f"code: {r.status} {redirect[:120]!r}")


def work(args, start, queue):
    worker = Worker(args)
    measure_from = start + args.warmup
    end = measure_from + args.duration
    latencies, errors, first_error = [], 0, None
    cpu_from = None  # this process's CPU time at the start of the measured window
    while True:
        begun = time.monotonic()
        if begun >= end:
            break
        if cpu_from is None and begun >= measure_from:
            cpu_from = time.process_time()
        try:
            worker.login()
        except Exception as e:  # counted and reported; the run fails on any error
            errors += 1
            first_error = first_error or repr(e)
            worker.main.close()
            worker.main = Connection(args.main_host, args.main_port, worker.main_ctx)
        finished = time.monotonic()
        if begun >= measure_from and finished <= end:
            latencies.append(finished - begun)
    cpu = time.process_time() - cpu_from if cpu_from is not None else 0.0
    queue.put((latencies, errors, first_error, worker.resumed, worker.handshakes, cpu))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--main-host", default="auth.localhost")
    p.add_argument("--main-port", type=int, required=True)
    p.add_argument("--cafile", required=True)
    p.add_argument("--cert", required=True, help="PEM: the card's certificate, then its issuing CA")
    p.add_argument("--key", required=True)
    p.add_argument("--client-id", default="portal-gateway")
    p.add_argument("--redirect-uri", required=True)
    p.add_argument("--cookie", default="__Host-SSCARD_AUTH")
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--duration", type=float, default=20)
    p.add_argument("--warmup", type=float, default=5)
    p.add_argument("--resume", action="store_true")
    p.add_argument("--probe", action="store_true", help="one login, then exit 0 or 1")
    args = p.parse_args()

    if args.probe:
        try:
            Worker(args).login()
        except Exception as e:
            print(f"probe failed: {e!r}", file=sys.stderr)
            return 1
        print("probe ok: one login, code issued")
        return 0

    queue = multiprocessing.Queue()
    start = time.monotonic() + 0.5
    procs = [multiprocessing.Process(target=work, args=(args, start, queue)) for _ in range(args.workers)]
    for proc in procs:
        proc.start()
    results = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    latencies = sorted(l for r in results for l in r[0])
    errors = sum(r[1] for r in results)
    first_error = next((r[2] for r in results if r[2]), None)
    resumed = sum(r[3] for r in results)
    handshakes = sum(r[4] for r in results)
    cpu = sum(r[5] for r in results)

    def pct(q):
        return 1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else 0.0

    print(f"logins={len(latencies)}")
    print(f"errors={errors}")
    print(f"rps={len(latencies) / args.duration:.1f}")
    print(f"p50_ms={pct(0.50):.1f}")
    print(f"p99_ms={pct(0.99):.1f}")
    print(f"client_cpu_s={cpu:.2f}")
    print(f"resumed_pct={100.0 * resumed / handshakes if handshakes else 0:.0f}")
    if first_error:
        print(f"first_error={first_error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
