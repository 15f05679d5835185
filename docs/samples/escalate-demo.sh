#!/bin/sh
# Sandbox walkthrough of the Microsoft support escalation (README, "Microsoft support escalation"):
# completes, as an operator would in Tasklist, the Triage of the sample alert's incident with
# "needs Microsoft" and then the proposed support request, through Camunda's REST API.
#   OPSFLOW_ADMIN_PASSWORD=... docs/samples/escalate-demo.sh
set -eu
BASE=${OPSFLOW_URL:-http://localhost:8080}
AUTH="${OPSFLOW_ADMIN_USER:-admin}:${OPSFLOW_ADMIN_PASSWORD:?set OPSFLOW_ADMIN_PASSWORD to the administrator password printed at the first start}"
api() { curl -sf -u "$AUTH" -H 'Content-Type: application/json' "$@"; }
# The id of the first open task whose definition key is $1 (a BPMN user task id).
task() { api "$BASE/engine-rest/task?taskDefinitionKey=$1" | sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p'; }
wait_for() {
  for _ in $(seq 1 30); do id=$(task "$1"); [ -n "$id" ] && { echo "$id"; return; }; sleep 2; done
  echo "no $1 task: send the sample alert first (README)" >&2; exit 1
}

# Triage with "needs Microsoft", unless it was done already.
if [ -z "$(task UserTask_PrepareSupportTicket)" ]; then
  triage=$(wait_for UserTask_Triage)
  api -X POST "$BASE/engine-rest/task/$triage/claim" -d '{"userId":"'"${OPSFLOW_ADMIN_USER:-admin}"'"}'
  api -X POST "$BASE/engine-rest/task/$triage/submit-form" -d '{"variables":{
    "findings":{"value":"CPU 高負荷が続く。ホスト側の問題の可能性があるため Microsoft に調査を依頼する","type":"String"},
    "causeIdentified":{"value":false,"type":"Boolean"},"workaround":{"value":"","type":"String"},
    "needsMicrosoft":{"value":true,"type":"Boolean"}}}'
  echo "Triage completed: Microsoft needed"
fi

prepare=$(wait_for UserTask_PrepareSupportTicket)
form=$(api "$BASE/engine-rest/task/$prepare/form-variables?deserializeValues=false")
field() { printf '%s' "$form" | sed -n 's/.*"'"$1"'":{"type":"String","value":"\([^"]*\)".*/\1/p'; }
service=$(field supportServiceId)
# The first problem type the live catalog offers for that service.
classification=$(printf '%s' "$form" | grep -o '/providers/Microsoft.Support/services/[^"\\]*/problemClassifications/[^"\\]*' | head -n 1)
api -X POST "$BASE/engine-rest/task/$prepare/claim" -d '{"userId":"'"${OPSFLOW_ADMIN_USER:-admin}"'"}'
api -X POST "$BASE/engine-rest/task/$prepare/submit-form" -d '{"variables":{
  "supportServiceId":{"value":"'"$service"'","type":"String"},
  "supportProblemClassificationId":{"value":"'"$classification"'","type":"String"},
  "supportSeverity":{"value":"'"$(field supportSeverity)"'","type":"String"},
  "supportTitle":{"value":"[INC0010001] VM の CPU 高負荷が続いています","type":"String"},
  "supportDescription":{"value":"vm-demo-web01 の CPU 使用率が 90% を超えた状態が続いています。ホスト側の調査をお願いします。","type":"String"},
  "support24x7":{"value":false,"type":"Boolean"},"supportDiagnosticConsent":{"value":true,"type":"Boolean"}}}'
echo "Support request submitted: see $BASE/sandbox (Microsoft support tickets, then the incident's work notes)"
