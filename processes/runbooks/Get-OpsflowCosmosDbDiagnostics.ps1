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
