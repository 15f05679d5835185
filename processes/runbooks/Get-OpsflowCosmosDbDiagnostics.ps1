<#
.SYNOPSIS
    Collects Azure Monitor diagnostics of an Azure Cosmos DB account for an opsflow incident.

.DESCRIPTION
    Started by opsflow's incident process (diagnostic-runbook.dmn) when an alert names a Cosmos
    DB account. Reads the account's state and, for the last hour, TotalRequests with StatusCode
    429 (throttled) against all requests and the highest NormalizedRUConsumption. Read-only.
    A metric that cannot be read is reported 'unknown' with the reason; the job fails only when
    the account itself cannot be read. Writes exactly one JSON object (schema
    opsflow.diagnostics/v1) to Output.

.PARAMETER AlertId
    Id of the alert that started the incident (for the job's record; not used to read anything).

.PARAMETER TargetResource
    ARM id of the account, /subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.DocumentDB/databaseAccounts/{name}.

.OUTPUTS
    One line of JSON: {"schema":"opsflow.diagnostics/v1","resource":{...},"checks":[...],"truncated":false}.
#>
param(
    [string] $AlertId,

    [Parameter(Mandatory = $true)]
    [string] $TargetResource
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity

# The output contract (opsflow.diagnostics/v1) and metric reading are shared by every diagnostic
# runbook: module OpsflowDiagnostics, imported into the account with them (README, "Importing").
Import-Module OpsflowDiagnostics -DisableNameChecking
Start-OpsflowDiagnostics -TargetResource $TargetResource

$CheckIds = @('cosmos.throttled', 'cosmos.ru', 'resource.state')

if ($TargetResource -notmatch '^/subscriptions/([^/]+)/resourceGroups/[^/]+/providers/Microsoft\.DocumentDB/databaseAccounts/[^/]+$') {
    throw "Not the ARM id of a Cosmos DB account: $TargetResource"
}
$null = Set-AzContext -Subscription $Matches[1]
$account = Get-AzResource -ResourceId $TargetResource -ExpandProperties

$state = "$($account.Properties.provisioningState)"
$regions = ($account.Properties.writeLocations | Select-Object -First 5 | ForEach-Object { $_.locationName }) -join ', '
Add-Check 'resource.state' $(if ($state -eq 'Succeeded') { 'ok' } else { 'warning' }) "$state, write region $regions" "Kind $($account.Kind), consistency $($account.Properties.consistencyPolicy.defaultConsistencyLevel), read regions $(($account.Properties.readLocations | Select-Object -First 5 | ForEach-Object { $_.locationName }) -join ', ')."

Add-MetricCheck 'cosmos.throttled' {
    $throttled = Get-MetricValues $TargetResource 'TotalRequests' 'Count' "StatusCode eq '429'"
    $all = Get-MetricValues $TargetResource 'TotalRequests' 'Count'
    $t = if ($null -eq $throttled) { 0 } else { ($throttled | Measure-Object -Sum).Sum }
    $a = if ($null -eq $all) { 0 } else { ($all | Measure-Object -Sum).Sum }
    $share = if ($a -gt 0) { 100 * $t / $a } else { 0 }
    $status = if ($t -eq 0) { 'ok' } else { Get-Level $share 0 5 }
    Add-Check 'cosmos.throttled' $status "$t of $a requests throttled (429, $([math]::Round($share, 1))%, 1 h)" ''
}
Add-MetricCheck 'cosmos.ru' {
    $values = Get-MetricValues $TargetResource 'NormalizedRUConsumption' 'Maximum'
    if ($null -eq $values) {
        Add-Check 'cosmos.ru' 'ok' 'no data' 'No NormalizedRUConsumption data in the last hour (no requests, or serverless).'
        return
    }
    $max = ($values | Measure-Object -Maximum).Maximum
    Add-Check 'cosmos.ru' (Get-Level $max 80 100) "peak normalized RU $([math]::Round($max))% (1 h)" "Mean of 5-minute peaks $([math]::Round(($values | Measure-Object -Average).Average))%. 100% on a partition key range means requests there are throttled."
}
Write-Diagnostics 'microsoft.documentdb/databaseaccounts' $null $null $CheckIds
