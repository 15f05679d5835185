#!/bin/sh
# opsflow forwarding alert script for Zabbix 3.0 (media type "Script"; works on later releases too),
# installed in the server's AlertScriptsPath, e.g. /usr/lib/zabbix/alertscripts/opsflow-alertscript.sh
# (chmod 755). Media type script parameters: {ALERT.SENDTO} {ALERT.SUBJECT} {ALERT.MESSAGE}; the
# action's message follows the opsflow-v1 template (docs/zabbix-media-type.md).
#
#   opsflow-alertscript.sh SENDTO SUBJECT MESSAGE   spool the alert, then send the spool in order
#   opsflow-alertscript.sh --flush                  send the spool in order (cron, every minute)
#
# Zabbix 3.0 ignores an alert script's exit code (3.4 and later retry a non-zero one), so a delivery
# opsflow did not take is never just reported: every alert is first written to the spool (one file per
# delivery, the JSON body byte for byte) and a file leaves the spool only once opsflow answered 2xx,
# or 4xx (a refusal a resend cannot cure: moved to rejected/). The next alert and the cron --flush
# resend what is left, oldest first, stopping at the first one that still fails so order is kept.
# Exit: 0 sent; 75 spooled, resent later; 1 refused by opsflow (4xx, see rejected/); 2 not configured.
#
# Needs only sh, awk and curl (what a RHEL/CentOS 7 box has). The arguments are JSON-encoded as the
# bytes Zabbix passed (UTF-8) under LC_ALL=C, so no locale and no Python version can mangle them.
#
# Zabbix passes no environment to alert scripts, so the URL and token live in a curl config file
# readable only by the zabbix user (the token then never appears in the process list or any output):
#   /etc/zabbix/opsflow.curlrc  (chown zabbix: ; chmod 600)
#     url = "https://opsflow.contoso-msp.example/webhooks/zabbix/<customer id>"
#     header = "Authorization: Bearer <that customer's token, the value of its zabbix.tokenEnv variable>"
set -u
LC_ALL=C
export LC_ALL
umask 077

CONFIG=${OPSFLOW_CURLRC:-/etc/zabbix/opsflow.curlrc}
SPOOL=${OPSFLOW_SPOOL:-/var/spool/zabbix/opsflow}
LOCK="$SPOOL/.lock"

fail() {
    echo "opsflow: $*" >&2
    exit 2
}

# One JSON string of the bytes in the environment variable named $1 (awk's ENVIRON keeps backslashes,
# unlike -v). Bytes from 0x80 up pass unchanged: JSON text is UTF-8, and Zabbix passed UTF-8.
json_string() {
    awk -v name="$1" 'BEGIN {
        for (i = 1; i < 32; i++) code[sprintf("%c", i)] = sprintf("\\u%04x", i)
        code["\""] = "\\\""; code["\\"] = "\\\\"; code["\n"] = "\\n"; code["\r"] = "\\r"; code["\t"] = "\\t"
        s = ENVIRON[name]; out = ""
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            out = out ((c in code) ? code[c] : c)
        }
        printf "\"%s\"", out
    }'
}

# Sends one spooled file; prints its fate: sent, rejected or keep.
send() {
    response="$SPOOL/.response"
    status=$(curl --silent --show-error --connect-timeout 5 --max-time 15 -K "$CONFIG" \
        -H 'Content-Type: application/json; charset=utf-8' --data-binary "@$1" \
        -o "$response" -w '%{http_code}' 2>"$SPOOL/.curl-error")
    case "$status" in
        2??) rm -f "$1"; echo sent ;;
        408|429) report "$1" "HTTP $status"; echo keep ;;
        4??) mkdir -p "$SPOOL/rejected" && mv "$1" "$SPOOL/rejected/"
             report "$1" "HTTP $status, moved to $SPOOL/rejected/"; echo rejected ;;
        *) report "$1" "HTTP $status"; echo keep ;;
    esac
}

# opsflow's answer (its detail names the problem) or curl's error; never the request or its headers.
report() {
    echo "opsflow: $(basename "$1"): $2: $(head -c 500 "$SPOOL/.response" 2>/dev/null)$(head -c 300 "$SPOOL/.curl-error" 2>/dev/null)" >&2
}

lock() {
    # A lock older than 5 minutes is left by a killed run.
    find "$LOCK" -maxdepth 0 -mmin +5 -exec rmdir {} \; 2>/dev/null
    tries=0
    until mkdir "$LOCK" 2>/dev/null; do
        tries=$((tries + 1))
        [ "$tries" -ge 20 ] && return 1
        sleep 1
    done
    trap 'rmdir "$LOCK" 2>/dev/null; rm -f "$SPOOL/.response" "$SPOOL/.curl-error"' EXIT
}

# Sends the spool oldest first; stops at the first delivery that must be resent, to keep the order.
flush() {
    for file in $(ls "$SPOOL" | grep '\.json$'); do
        fate=$(send "$SPOOL/$file")
        echo "$file $fate" >>"$SPOOL/.fates"
        [ "$fate" = keep ] && return 0
    done
    return 0
}

mkdir -p "$SPOOL" 2>/dev/null && [ -w "$SPOOL" ] || fail "spool directory $SPOOL is not writable by $(id -un)"
# Checked after spooling an alert, so one that came before the config is sent once it is there.
configured() {
    [ -r "$CONFIG" ] || fail "cannot read $CONFIG (the curl config with url and Authorization header); spool kept in $SPOOL"
}

if [ "${1:-}" = "--flush" ]; then
    configured
    lock || { echo "opsflow: another run holds $LOCK" >&2; exit 75; }
    rm -f "$SPOOL/.fates"
    flush
    rm -f "$SPOOL/.fates"
    if ls "$SPOOL" | grep -q '\.json$'; then exit 75; fi
    exit 0
fi

OPSFLOW_SENDTO=${1:-} OPSFLOW_SUBJECT=${2:-} OPSFLOW_MESSAGE=${3:-}
export OPSFLOW_SENDTO OPSFLOW_SUBJECT OPSFLOW_MESSAGE
# Seconds, nanoseconds and pid: names sort in the order the alerts came (GNU date; else seconds).
STAMP=$(date +%s%N)
case "$STAMP" in *[!0-9]*) STAMP=$(date +%s)000000000 ;; esac
NAME=$STAMP-$$.json
{
    printf '{"sendto":%s,' "$(json_string OPSFLOW_SENDTO)"
    printf '"subject":%s,' "$(json_string OPSFLOW_SUBJECT)"
    printf '"message":%s}' "$(json_string OPSFLOW_MESSAGE)"
} >"$SPOOL/.$NAME" || fail "cannot write to $SPOOL"
mv "$SPOOL/.$NAME" "$SPOOL/$NAME"
configured

lock || { echo "opsflow: spooled $NAME; another run holds $LOCK and resends it" >&2; exit 75; }
rm -f "$SPOOL/.fates"
flush
fate=$(grep "^$NAME " "$SPOOL/.fates" 2>/dev/null | cut -d' ' -f2)
rm -f "$SPOOL/.fates"
case "$fate" in
    sent) exit 0 ;;
    rejected) exit 1 ;;
    *) echo "opsflow: spooled $NAME in $SPOOL; the next alert or the cron --flush resends it" >&2; exit 75 ;;
esac
