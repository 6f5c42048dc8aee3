# Sourced by the bench scripts: start_token_issuer <out dir> <port> starts bench/lib/token-issuer.py (a bench-only
# stand-in for auth-service's token issuer) and sets TOKEN_ISSUER_URL and TOKEN_ISSUER_PID; mint_token <client>
# <audience> prints a bearer token the relay and the card issuer accept when started with
# SSCARD_AUTH_URL="$TOKEN_ISSUER_URL".
start_token_issuer() {
    local out="$1" port="$2" lib
    lib="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/token-issuer.key" 2>/dev/null
    python3 "$lib/token-issuer.py" "$out/token-issuer.key" "$port" >"$out/token-issuer.log" 2>&1 &
    TOKEN_ISSUER_PID=$!
    TOKEN_ISSUER_URL="http://127.0.0.1:$port"
    for _ in $(seq 1 50); do
        curl -fs "$TOKEN_ISSUER_URL/oauth2/jwks" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "the stand-in token issuer did not start: $(cat "$out/token-issuer.log")" >&2
    return 1
}

mint_token() {
    curl -fs "$TOKEN_ISSUER_URL/mint?client=$1&audience=$2"
}
