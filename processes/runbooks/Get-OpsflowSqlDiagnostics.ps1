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

# The output contract (opsflow.diagnostics/v1) and metric reading are shared by every diagnostic
# runbook: module OpsflowDiagnostics, imported into the account with them (README, "Importing").
Import-Module OpsflowDiagnostics -DisableNameChecking
Start-OpsflowDiagnostics -TargetResource $TargetResource

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
