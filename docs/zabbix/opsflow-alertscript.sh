#!/bin/sh
# opsflow forwarding alert script for Zabbix 3.0 (media type "Script"), installed in the server's
# AlertScriptsPath, e.g. /usr/lib/zabbix/alertscripts/opsflow-alertscript.sh (chmod 755).
# Media type script parameters: {ALERT.SENDTO} {ALERT.SUBJECT} {ALERT.MESSAGE}.
# The action's message must follow the opsflow-v1 template (docs/zabbix-media-type.md).
#
# Zabbix passes no environment to alert scripts, so the URL and token live in a curl config file
# readable only by the zabbix user (the token then never appears in the process list):
#   /etc/zabbix/opsflow.curlrc  (chown zabbix: ; chmod 600)
#     url = "https://opsflow.contoso-msp.example/webhooks/zabbix/<customer id>"
#     header = "Authorization: Bearer <that customer's token, the value of its zabbix.tokenEnv variable>"
set -u

CONFIG=${OPSFLOW_CURLRC:-/etc/zabbix/opsflow.curlrc}
SENDTO=${1:-}
SUBJECT=${2:-}
MESSAGE=${3:-}

# JSON-encode the three arguments with whatever the server has (jq, else Python 3, else Python 2).
if command -v jq >/dev/null 2>&1; then
    BODY=$(jq -n --arg sendto "$SENDTO" --arg subject "$SUBJECT" --arg message "$MESSAGE" \
        '{sendto: $sendto, subject: $subject, message: $message}')
else
    PYTHON=$(command -v python3 || command -v python)
    BODY=$("$PYTHON" -c 'import json, sys
args = [a if isinstance(a, str) else a.decode("utf-8") for a in sys.argv[1:4]]
sys.stdout.write(json.dumps(dict(zip(("sendto", "subject", "message"), args))))' "$SENDTO" "$SUBJECT" "$MESSAGE")
fi
if [ -z "$BODY" ]; then
    echo "opsflow: cannot encode the alert as JSON (install jq or python)" >&2
    exit 2
fi

RESPONSE=$(mktemp)
trap 'rm -f "$RESPONSE"' EXIT
STATUS=$(printf '%s' "$BODY" | curl --silent --show-error --max-time 15 -K "$CONFIG" \
    -H 'Content-Type: application/json; charset=utf-8' --data-binary @- \
    -o "$RESPONSE" -w '%{http_code}')
case "$STATUS" in
    2??) exit 0 ;;
    *)
        # Zabbix shows this in the action log (and retries non-zero exits from 3.4 on).
        echo "opsflow answered HTTP $STATUS: $(cat "$RESPONSE")" >&2
        exit 1 ;;
esac
