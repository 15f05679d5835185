<#
.SYNOPSIS
    Collects Azure Monitor diagnostics of an Azure SQL database for an opsflow incident.

.DESCRIPTION
    Started by opsflow's incident process (diagnostic-runbook.dmn) when an alert names an
    Azure SQL database. Reads the database's state and, for the last hour in 5-minute points,
    cpu_percent, dtu_consumption_percent (DTU databases only), physical_data_read_percent and
    log_write_percent, and deadlock. Read-only. A metric that cannot be read is reported
    'unknown' with the reason; the job fails only when the database itself cannot be read.
    Writes exactly one JSON object (schema opsflow.diagnostics/v1) to Output.

.PARAMETER AlertId
    Id of the alert that started the incident (for the job's record; not used to read anything).

.PARAMETER TargetResource
    ARM id of the database, /subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.Sql/servers/{server}/databases/{name}.

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
$CheckIds = @('sql.cpu', 'sql.dtu', 'sql.io', 'sql.deadlocks', 'resource.state')

if ($TargetResource -notmatch '^/subscriptions/([^/]+)/resourceGroups/[^/]+/providers/Microsoft\.Sql/servers/[^/]+/databases/[^/]+$') {
    throw "Not the ARM id of an Azure SQL database: $TargetResource"
}
$null = Set-AzContext -Subscription $Matches[1]
$db = Get-AzResource -ResourceId $TargetResource -ExpandProperties

$state = "$($db.Properties.status)"
$objective = "$($db.Properties.currentServiceObjectiveName)"
$pool = "$($db.Properties.elasticPoolId)".Split('/')[-1]
$stateLevel = switch ($state) { 'Online' { 'ok' } { $_ -in 'Paused', 'AutoClosed', 'Scaling', 'Resuming', 'Pausing' } { 'warning' } default { 'critical' } }
Add-Check 'resource.state' $stateLevel "$state, $objective$(if ($pool) { " in pool $pool" })" "Tier $($db.Sku.Tier), SKU $($db.Sku.Name), max size $([math]::Round([double]$db.Properties.maxSizeBytes / 1GB)) GB."

function Add-PercentCheck([string] $Id, [string[]] $Metrics, [string] $Label) {
    Add-MetricCheck $Id {
        $parts = foreach ($name in $Metrics) {
            $values = Get-MetricValues $TargetResource $name 'Maximum'
            if ($null -ne $values) { [pscustomobject]@{ Name = $name; Max = ($values | Measure-Object -Maximum).Maximum; Avg = ($values | Measure-Object -Average).Average } }
        }
        if (-not $parts) {
            Add-Check $Id 'unknown' 'no data' "No $($Metrics -join ' / ') data in the last hour."
            return
        }
        $max = ($parts | Measure-Object -Property Max -Maximum).Maximum
        Add-Check $Id (Get-Level $max 75 90) "$Label max $([math]::Round($max))% (1 h)" (($parts | ForEach-Object { "$($_.Name): max $([math]::Round($_.Max, 1))%, mean of 5-min peaks $([math]::Round($_.Avg, 1))%" }) -join '; ')
    }
}

Add-PercentCheck 'sql.cpu' @('cpu_percent') 'CPU'
if ("$($db.Sku.Tier)" -in 'Basic', 'Standard', 'Premium') {
    Add-PercentCheck 'sql.dtu' @('dtu_consumption_percent') 'DTU'
} else {
    Add-Check 'sql.dtu' 'ok' 'not a DTU database' "Tier $($db.Sku.Tier) is vCore-based: see sql.cpu and sql.io."
}
Add-PercentCheck 'sql.io' @('physical_data_read_percent', 'log_write_percent') 'IO'
Add-MetricCheck 'sql.deadlocks' {
    $values = Get-MetricValues $TargetResource 'deadlock' 'Total'
    $total = if ($null -eq $values) { 0 } else { ($values | Measure-Object -Sum).Sum }
    Add-Check 'sql.deadlocks' $(if ($total -gt 0) { 'warning' } else { 'ok' }) "$total deadlocks (1 h)" ''
}
Write-Diagnostics 'microsoft.sql/servers/databases' $null $null $CheckIds
