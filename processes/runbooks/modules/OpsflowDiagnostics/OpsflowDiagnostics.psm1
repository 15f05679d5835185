<#
.SYNOPSIS
    What every opsflow diagnostic runbook shares: the output contract opsflow parses
    (processes/runbooks/README.md, "Diagnostic runbooks"), bounded so a work note and the Triage
    form stay readable, and reading Azure Monitor metrics.

.DESCRIPTION
    Imported into the customer's Automation account with the runbooks (README, "Importing").
    A runbook calls Start-OpsflowDiagnostics first, Add-Check for each finding and
    Write-Diagnostics once at the end; the checks are kept in this module's scope, one job each.
#>

$MaxValue = 120
$MaxDetail = 500
$MaxLines = 10

function Start-OpsflowDiagnostics([Parameter(Mandatory = $true)] [string] $TargetResource) {
    $script:Target = $TargetResource
    $script:Truncated = $false
    $script:Checks = [System.Collections.Generic.List[object]]::new()
}

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
        resource  = [ordered]@{ id = $script:Target; type = $Type; os = $(if ($Os) { $Os } else { $null }); osVersion = $(if ($OsVersion) { Limit $OsVersion $MaxValue } else { $null }) }
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

Export-ModuleMember -Function Start-OpsflowDiagnostics, Limit, Limit-Lines, Add-Check, Write-Diagnostics, Get-MetricValues, Add-MetricCheck, Get-Level
