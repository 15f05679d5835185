<#
.SYNOPSIS
    Collects Azure Monitor diagnostics of an App Service app for an opsflow incident.

.DESCRIPTION
    Started by opsflow's incident process (diagnostic-runbook.dmn) when an alert names an App
    Service app. Reads the app's state, Http5xx against Requests and HttpResponseTime
    (AverageResponseTime where the newer metric has no data) for the last hour, and restarts,
    starts and stops of the last 24 hours from the activity log. Read-only. A check that cannot
    be read is reported 'unknown' with the reason; the job fails only when the app itself cannot
    be read. Writes exactly one JSON object (schema opsflow.diagnostics/v1) to Output.

.PARAMETER AlertId
    Id of the alert that started the incident (for the job's record; not used to read anything).

.PARAMETER TargetResource
    ARM id of the app, /subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.Web/sites/{name}.

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

$CheckIds = @('appservice.http5xx', 'appservice.responsetime', 'appservice.restarts', 'resource.state')

if ($TargetResource -notmatch '^/subscriptions/([^/]+)/resourceGroups/[^/]+/providers/Microsoft\.Web/sites/[^/]+$') {
    throw "Not the ARM id of an App Service app: $TargetResource"
}
$null = Set-AzContext -Subscription $Matches[1]
$site = Get-AzResource -ResourceId $TargetResource -ExpandProperties

$state = "$($site.Properties.state)"
$availability = "$($site.Properties.availabilityState)"
$stateLevel = if ($state -ne 'Running') { 'critical' } elseif ($availability -and $availability -ne 'Normal') { 'warning' } else { 'ok' }
Add-Check 'resource.state' $stateLevel "$state, availability $availability" "Kind $($site.Kind), plan $("$($site.Properties.serverFarmId)".Split('/')[-1]), host names $(($site.Properties.enabledHostNames | Select-Object -First 3) -join ', ')."

Add-MetricCheck 'appservice.http5xx' {
    $errors = Get-MetricValues $TargetResource 'Http5xx' 'Total'
    $requests = Get-MetricValues $TargetResource 'Requests' 'Total'
    $e = if ($null -eq $errors) { 0 } else { ($errors | Measure-Object -Sum).Sum }
    $r = if ($null -eq $requests) { 0 } else { ($requests | Measure-Object -Sum).Sum }
    $share = if ($r -gt 0) { 100 * $e / $r } else { 0 }
    $status = if ($e -eq 0) { 'ok' } else { Get-Level $share 0 5 }
    Add-Check 'appservice.http5xx' $status "$e 5xx of $r requests ($([math]::Round($share, 1))%, 1 h)" ''
}
Add-MetricCheck 'appservice.responsetime' {
    $values = Get-MetricValues $TargetResource 'HttpResponseTime' 'Average'
    $metric = 'HttpResponseTime'
    if ($null -eq $values) { $values = Get-MetricValues $TargetResource 'AverageResponseTime' 'Average'; $metric = 'AverageResponseTime' }
    if ($null -eq $values) {
        Add-Check 'appservice.responsetime' 'ok' 'no requests' 'No response-time data in the last hour.'
        return
    }
    $max = ($values | Measure-Object -Maximum).Maximum
    Add-Check 'appservice.responsetime' (Get-Level $max 2 5) "slowest 5-min mean $([math]::Round($max, 2)) s (1 h)" "$metric, mean over the hour $([math]::Round(($values | Measure-Object -Average).Average, 2)) s."
}
try {
    $operations = 'Microsoft.Web/sites/restart/action', 'Microsoft.Web/sites/start/action', 'Microsoft.Web/sites/stop/action'
    # Az.Monitor has exposed both OperationName.Value and the flattened OperationNameValue: read whichever is there.
    $log = @(Get-AzActivityLog -ResourceId $TargetResource -StartTime (Get-Date).AddHours(-24) -WarningAction SilentlyContinue | ForEach-Object {
            $operation = if ($_.OperationNameValue) { "$($_.OperationNameValue)" } else { "$($_.OperationName.Value)" }
            $outcome = if ($_.StatusValue) { "$($_.StatusValue)" } else { "$($_.Status.Value)" }
            if ($operations -contains $operation -and $outcome -eq 'Succeeded') {
                [pscustomobject]@{ At = $_.EventTimestamp.ToUniversalTime(); Operation = $operation.Split('/')[-2]; Caller = $_.Caller }
            }
        } | Sort-Object At -Descending)
    $lines = $log | Select-Object -First 10 | ForEach-Object { "$($_.At.ToString('yyyy-MM-ddTHH:mm:ssZ')) $($_.Operation) by $($_.Caller)" }
    Add-Check 'appservice.restarts' $(if ($log.Count -gt 0) { 'warning' } else { 'ok' }) "$($log.Count) restarts/starts/stops (24 h)" (Limit-Lines $lines)
} catch {
    Add-Check 'appservice.restarts' 'unknown' 'activity log not readable' "$($_.Exception.Message)"
}
Write-Diagnostics 'microsoft.web/sites' $null $null $CheckIds
