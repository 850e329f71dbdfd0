#!/usr/bin/env bash
# Runs Debian's nginx unprivileged, in the foreground, with scripts/proxy/nginx-portal.conf — the configuration that
# docs/operations.md shows and the end-to-end test runs — in front of two portal hosts, TLS with a self-signed
# certificate made here by openssl. Used by scripts/load.sh --proxy; run it in the background and kill its pid.
#
#   bash scripts/proxy/start-nginx.sh <folder> <https port> <host a:port> <host b:port> [server name]
#
# Plain http on <https port>+1 redirects to https. The access log (<folder>/access.log) says which host answered.
set -euo pipefail
folder=$1 port=$2 host_a=$3 host_b=$4 name=${5:-127.0.0.1}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$folder"
if [[ $name =~ ^[0-9.]+$ ]]; then san="IP:$name"; else san="DNS:$name"; fi
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=$name" \
  -addext "subjectAltName=$san" -keyout "$folder/portal.key" -out "$folder/portal.crt" 2>/dev/null
sed -e "s|@USER@|$(id -un)|g" -e "s|@PREFIX@|$folder|g" -e "s|@HOST_A@|$host_a|g" -e "s|@HOST_B@|$host_b|g" \
  -e "s|@LISTEN@|127.0.0.1:$port|g" -e "s|@HTTP_LISTEN@|127.0.0.1:$((port + 1))|g" -e "s|@HTTPS_PORT@|:$port|g" \
  -e "s|@SERVER_NAME@|$name|g" -e "s|@CERT@|$folder/portal.crt|g" -e "s|@KEY@|$folder/portal.key|g" \
  -e "s|@PROXY_BIND@||g" "$here/nginx-portal.conf" >"$folder/nginx.conf"
if grep -v '^ *#' "$folder/nginx.conf" | grep -q '@[A-Z_]*@'; then echo "unfilled placeholder in $folder/nginx.conf" >&2; exit 1; fi
exec /usr/sbin/nginx -p "$folder" -c "$folder/nginx.conf" -e "$folder/error.log"
