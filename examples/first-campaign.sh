#!/usr/bin/env bash
# A first campaign, from nothing, against a running `npm start`: the README's "Using the API" steps.
#   examples/first-campaign.sh [base URL] [data dir]
# BASE_URL (default http://localhost:3000) and DATA_DIR (default ./data, where `npm start` keeps the
# admin token) may be given as arguments or in the environment; ADMIN_TOKEN, when set, is used as is.
# WATCH_SECONDS (default 90) bounds how long it waits for the first calls to end.
set -euo pipefail

BASE=${1:-${BASE_URL:-http://localhost:3000}}
DATA=${2:-${DATA_DIR:-./data}}
WATCH_SECONDS=${WATCH_SECONDS:-90}
HERE=$(cd "$(dirname "$0")" && pwd)

for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "first-campaign: needs $tool (Debian/Ubuntu: apt-get install $tool; macOS: brew install $tool)" >&2; exit 2; }
done
if [ -z "${ADMIN_TOKEN:-}" ] && [ ! -r "$DATA/admin-token" ]; then
  echo "first-campaign: no admin token in $DATA/admin-token; start the service first (npm start) or set ADMIN_TOKEN" >&2
  exit 2
fi
ADMIN=${ADMIN_TOKEN:-$(cat "$DATA/admin-token")}

# Every request shows the service's problem+json and stops the walkthrough when it is refused.
call() {
  local answer status
  answer=$(curl -sS -w '\n%{http_code}' "$@") || { echo "first-campaign: cannot reach $BASE: is npm start running?" >&2; exit 1; }
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if [ "$status" -ge 400 ]; then echo "first-campaign: $* answered $status:" >&2; echo "$answer" | jq . >&2 || echo "$answer" >&2; exit 1; fi
  echo "$answer"
}
json() { call -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }

echo "1. The company, with the platform admin token; its API key is shown once."
KEY=$(call -X POST "$BASE/v1/companies" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d '{"name":"Hartley & Vance LLP"}' | jq -r .apiKey)

echo "2. A list, and its cases imported from $HERE/cases.csv."
LIST=$(json -X POST "$BASE/v1/lists" -d '{"name":"PI clients","caseType":"personal injury"}' | jq -r .id)
call -X POST "$BASE/v1/lists/$LIST/cases/import" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: text/csv' --data-binary "@$HERE/cases.csv" | jq -c '{added, rejected}'

echo "3. An intake form, and the AI agent that fills it in on the phone."
FORM=$(json -X POST "$BASE/v1/forms" -d '{"name":"Case check-in","caseType":"personal injury","fields":[
    {"key":"reachedContact","label":"Reached the client","type":"boolean","required":true},
    {"key":"interested","label":"Wants a follow-up","type":"boolean","required":false}]}' | jq -r .id)
AGENT=$(json -X POST "$BASE/v1/agents" -d '{"name":"Ava","voice":"warm-female-en-US",
    "streamUrl":"wss://voice.example.com/agents/ava","callerNumber":"+13125550111","formId":"'"$FORM"'"}' | jq -r .id)

echo "4. The campaign: a draft, then its settings; its run starts as the draft is created, on the service's clock."
DRAFT=$(json -X POST "$BASE/v1/campaigns" -d '{"name":"Spring intake"}')
CAMPAIGN=$(echo "$DRAFT" | jq -r .id)
START=$(echo "$DRAFT" | jq -r .createdAt)
json -X PATCH "$BASE/v1/campaigns/$CAMPAIGN" -d '{"type":"voice","listId":"'"$LIST"'","agentId":"'"$AGENT"'","formId":"'"$FORM"'",
    "schedule":{"mode":"custom","slots":[{"days":["mon","tue","wed","thu","fri"],"start":"09:00","end":"18:00"}]},
    "runs":[{"name":"First pass","start":"'"$START"'","channels":["voice"],
             "slots":[{"days":["mon","tue","wed","thu","fri"],"start":"09:00","end":"18:00"}]}],
    "concurrency":{"limit":5,"pacingPerMinute":30},
    "retry":{"maxAttempts":2,"intervalMinutes":60}}' >/dev/null

echo "5. Launch: every problem at once (422), or the contacts enrolled."
CONTACTS=$(json -X POST "$BASE/v1/campaigns/$CAMPAIGN/launch" | jq -r .enrolledContacts)
echo "   campaign $CAMPAIGN launched at $START with $CONTACTS contacts"

echo "6. The first calls, from the calls report (GET /v1/campaigns/$CAMPAIGN/reports/calls)."
deadline=$((SECONDS + WATCH_SECONDS))
while :; do
  CALLS=$(json "$BASE/v1/campaigns/$CAMPAIGN/reports/calls?limit=100")
  ended=$(echo "$CALLS" | jq '[.items[] | select(.outcome | IN("in_progress", "refused_by_window", "released") | not)] | length')
  refused=$(echo "$CALLS" | jq '[.items[] | select(.outcome == "refused_by_window")] | length')
  echo "   $(echo "$CALLS" | jq '.items | length') calls so far, $ended ended, $refused refused by the calling window"
  if [ "$ended" -ge "$CONTACTS" ] || [ "$SECONDS" -ge "$deadline" ]; then break; fi
  sleep 3
done
echo "$CALLS" | jq -r '["requested (UTC)", "contact", "their local time", "attempt", "outcome", "seconds"],
  (.items[] | [.requestedAt, .contactName, (.decision.localTime // "" | .[11:16]) + " " + (.decision.timezone // ""), .attempt // "", .outcome + (if .refusal then " (\(.refusal.reason))" else "" end), .durationSeconds // ""]) | @tsv'

echo "7. Where each contact stands (GET /v1/campaigns/$CAMPAIGN/contacts)."
json "$BASE/v1/campaigns/$CAMPAIGN/contacts?limit=100" | jq -r '["contact", "status", "attempts", "last outcome", "next attempt"],
  (.items[] | [.name, .status, .attempts, .lastOutcome // "", .nextAttemptAt // ""]) | @tsv'

if [ "$ended" -eq 0 ]; then
  echo "No call ended within $WATCH_SECONDS s. Calls are placed only inside calling hours in each contact's own zone" >&2
  echo "(08:00-21:00 and the state's rules) and the run's slots; the service's clock said $START." >&2
  echo "To try the engine at any hour, start it on a simulated clock: CLOCK_START=2027-01-11T17:00:00Z CLOCK_SPEED=60 npm start" >&2
  exit 1
fi
echo "Done: $ended calls ended. To go on from here (the API key is shown only this once):"
echo "  KEY=$KEY CAMPAIGN=$CAMPAIGN"
echo "  curl -s \"$BASE/v1/campaigns/\$CAMPAIGN/reports/calls\" -H \"Authorization: Bearer \$KEY\" -H 'Accept: text/csv'"
echo "  curl -s \"$BASE/v1/campaigns/\$CAMPAIGN/history\" -H \"Authorization: Bearer \$KEY\"   # for auditors"
