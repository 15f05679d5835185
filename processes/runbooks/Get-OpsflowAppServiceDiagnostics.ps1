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

# The output contract opsflow parses (processes/runbooks/README.md, "Diagnostic runbooks"): one JSON
# object, bounded so a work note and the Triage form stay readable.
$MaxValue = 120
$MaxDetail = 500
$MaxLines = 10
$script:Truncated = $false
$script:Checks = [System.Collections.Generic.List[object]]::new()

function Limit([string] $Text, [int] $Max) {
    if ($null -eq $Text) { return '' }
    if ($Text.Length -le $Max) { return $Text }
    $script:Truncated = $true
    $Text.Substring(0, $Max - 3) + '...'
}

function Limit-Lines([string[]] $Lines) {
    $kept = @($Lines | Where-Object { $_ -and $_.Trim() })
    if ($kept.Count -gt $MaxLines) {
        $script:Truncated = $true
        $kept = $kept[0..($MaxLines - 1)]
    }
    $kept -join "`n"
}

function Add-Check([string] $Id, [ValidateSet('ok', 'warning', 'critical', 'unknown')] [string] $Status, [string] $Value, [string] $Detail) {
    if ($script:Checks | Where-Object { $_.id -eq $Id }) { return }
    $script:Checks.Add([ordered]@{ id = $Id; status = $Status; value = (Limit $Value $MaxValue); detail = (Limit $Detail $MaxDetail) })
}

function Write-Diagnostics([string] $Type, [string] $Os, [string] $OsVersion, [string[]] $Ids) {
    # Every documented check appears, in the documented order: one that did not run says so.
    $ordered = foreach ($id in $Ids) {
        $check = $script:Checks | Where-Object { $_.id -eq $id } | Select-Object -First 1
        if (-not $check) { $check = [ordered]@{ id = $id; status = 'unknown'; value = 'not run'; detail = 'This check did not run (see the job''s error and warning streams).' } }
        $check
    }
    $result = [ordered]@{
        schema    = 'opsflow.diagnostics/v1'
        resource  = [ordered]@{ id = $TargetResource; type = $Type; os = $(if ($Os) { $Os } else { $null }); osVersion = $(if ($OsVersion) { Limit $OsVersion $MaxValue } else { $null }) }
        checks    = @($ordered)
        truncated = $script:Truncated
    }
    Write-Output ($result | ConvertTo-Json -Depth 5 -Compress)
}

function Get-MetricValues([string] $ResourceId, [string] $Name, [string] $Aggregation, [string] $Filter) {
    # The last hour in 5-minute points; $null when the metric has no data for this resource.
    $request = @{ ResourceId = $ResourceId; MetricName = $Name; AggregationType = $Aggregation; TimeGrain = [TimeSpan]::FromMinutes(5)
        StartTime = (Get-Date).ToUniversalTime().AddHours(-1); EndTime = (Get-Date).ToUniversalTime(); WarningAction = 'SilentlyContinue' }
    if ($Filter) { $request.MetricFilter = $Filter }
    $metric = Get-AzMetric @request
    $points = @($metric.Timeseries | ForEach-Object { $_.Data } | Where-Object { $_ } | ForEach-Object { $_.$Aggregation } | Where-Object { $null -ne $_ })
    if (-not $points -or $points.Count -eq 0) { $points = @($metric.Data | ForEach-Object { $_.$Aggregation } | Where-Object { $null -ne $_ }) }
    if ($points.Count -eq 0) { return $null }
    , [double[]] $points
}

function Add-MetricCheck([string] $Id, [scriptblock] $Read) {
    # A metric that cannot be read (no permission, not offered for this tier) is unknown, not fatal.
    try {
        & $Read
    } catch {
        Add-Check $Id 'unknown' 'metric not readable' "$($_.Exception.Message)"
    }
}

function Get-Level([double] $Value, [double] $Warning, [double] $Critical) {
    if ($Value -ge $Critical) { 'critical' } elseif ($Value -ge $Warning) { 'warning' } else { 'ok' }
}
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
