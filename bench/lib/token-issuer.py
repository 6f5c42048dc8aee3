#!/usr/bin/env python3
"""A stand-in for auth-service's token issuer, for the benchmarks only.

The relay and the card issuer accept only bearer tokens signed by the platform's token issuer. A benchmark of the
relay or of the CA should not also start (and measure) auth-service, so this serves what they need from it on
loopback: a JWKS (GET /oauth2/jwks), a client-credentials token endpoint (POST /oauth2/token) and, for the bench
scripts' curl and wrk, GET /mint?client=C&audience=A. Tokens are RS256, signed by the openssl CLI with a key made
for this run. It does NOT authenticate clients (no client-assertion check): never run it outside a benchmark.

usage: token-issuer.py KEY.pem PORT     (KEY.pem: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048)
"""
import base64
import http.server
import json
import subprocess
import sys
import time
import urllib.parse
import uuid

KEY, PORT = sys.argv[1], int(sys.argv[2])
ISSUER = f"http://127.0.0.1:{PORT}"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def modulus() -> str:
    out = subprocess.run(["openssl", "rsa", "-in", KEY, "-noout", "-modulus"], check=True,
                         capture_output=True, text=True).stdout
    return b64url(bytes.fromhex(out.strip().split("=", 1)[1]))


JWKS = json.dumps({"keys": [{"kty": "RSA", "kid": "bench", "alg": "RS256", "use": "sig",
                             "n": modulus(), "e": "AQAB"}]}).encode()


def mint(client: str, audience: str) -> str:
    now = int(time.time())
    header = {"alg": "RS256", "kid": "bench", "typ": "JWT"}
    claims = {"iss": ISSUER, "sub": client, "client_id": client, "gty": "client-credentials", "aud": [audience], "scope": audience,
              "iat": now, "nbf": now, "exp": now + 3600, "jti": str(uuid.uuid4())}
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", KEY], input=signing_input.encode(),
                               check=True, capture_output=True).stdout
    return signing_input + "." + b64url(signature)


class Handler(http.server.BaseHTTPRequestHandler):
    def reply(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's naming)
        url = urllib.parse.urlparse(self.path)
        if url.path == "/oauth2/jwks":
            self.reply(200, JWKS)
        elif url.path == "/mint":
            query = dict(urllib.parse.parse_qsl(url.query))
            self.reply(200, mint(query["client"], query["audience"]).encode(), "text/plain")
        else:
            self.reply(404, b'{"error":"not_found"}')

    def do_POST(self):  # noqa: N802
        form = dict(urllib.parse.parse_qsl(self.rfile.read(int(self.headers["Content-Length"])).decode()))
        if self.path != "/oauth2/token" or form.get("grant_type") != "client_credentials":
            self.reply(400, b'{"error":"invalid_request"}')
            return
        token = mint(form.get("client_id", ""), form.get("scope", ""))
        self.reply(200, json.dumps({"access_token": token, "token_type": "Bearer", "expires_in": 3600}).encode())

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
