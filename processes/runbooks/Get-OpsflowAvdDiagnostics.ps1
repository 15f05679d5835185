<#
.SYNOPSIS
    Collects the state of an Azure Virtual Desktop session host for an opsflow incident.

.DESCRIPTION
    Started by opsflow's incident process (diagnostic-runbook.dmn) when an alert names an AVD
    session host (a resource health alert carries the session host's id,
    .../Microsoft.DesktopVirtualization/hostPools/{pool}/sessionHosts/{host}), or by a customer
    rule in the table for a VM that is a session host (the host is then found through the
    subscription's host pools by its VM id). Reads the host's status, last heartbeat and failed
    health checks, whether it accepts new sessions (drain mode), its sessions against the pool's
    limit, and the VM's power state. Read-only. A check that cannot be read is 'unknown' with
    the reason; the job fails only when the session host cannot be found.
    Writes exactly one JSON object (schema opsflow.diagnostics/v1) to Output.

.PARAMETER AlertId
    Id of the alert that started the incident (for the job's record; not used to read anything).

.PARAMETER TargetResource
    ARM id of the session host, or of the VM behind it.

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
$CheckIds = @('avd.sessionhost.status', 'avd.sessions', 'resource.state')
$MaxHostPools = 50

if ($TargetResource -match '^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\.DesktopVirtualization/hostPools/([^/]+)/sessionHosts/([^/]+)$') {
    $type = 'microsoft.desktopvirtualization/hostpools/sessionhosts'
    $null = Set-AzContext -Subscription $Matches[1]
    $resourceGroup = $Matches[2]
    $pool = Get-AzWvdHostPool -ResourceGroupName $resourceGroup -Name $Matches[3]
    $sessionHost = Get-AzWvdSessionHost -ResourceGroupName $resourceGroup -HostPoolName $Matches[3] -Name $Matches[4]
} elseif ($TargetResource -match '^/subscriptions/([^/]+)/resourceGroups/[^/]+/providers/Microsoft\.Compute/virtualMachines/[^/]+$') {
    $type = 'microsoft.compute/virtualmachines'
    $null = Set-AzContext -Subscription $Matches[1]
    $sessionHost = $null
    foreach ($candidate in @(Get-AzWvdHostPool | Select-Object -First $MaxHostPools)) {
        $candidateGroup = $candidate.Id.Split('/')[4]
        $match = Get-AzWvdSessionHost -ResourceGroupName $candidateGroup -HostPoolName $candidate.Name | Where-Object { $_.ResourceId -eq $TargetResource }
        if ($match) { $pool = $candidate; $resourceGroup = $candidateGroup; $sessionHost = $match | Select-Object -First 1; break }
    }
    if (-not $sessionHost) { throw "VM $TargetResource is not a session host of any of the first $MaxHostPools host pools of its subscription" }
} else {
    throw "Not the ARM id of an AVD session host or VM: $TargetResource"
}
$hostName = $sessionHost.Name.Split('/')[-1]

$status = "$($sessionHost.Status)"
$heartbeat = if ($sessionHost.LastHeartBeat) { $sessionHost.LastHeartBeat.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ') } else { 'never' }
$failed = @($sessionHost.HealthCheckResult | Where-Object { "$($_.HealthCheckResult)" -like '*Failed*' } | ForEach-Object { "$($_.HealthCheckName): $($_.AdditionalFailureDetail.Message)" })
$level = switch ($status) { 'Available' { 'ok' } { $_ -in 'NeedsAssistance', 'UpgradeFailed', 'Upgrading' } { 'warning' } default { 'critical' } }
if ($level -eq 'ok' -and $failed.Count -gt 0) { $level = 'warning' }
Add-Check 'avd.sessionhost.status' $level "$status, last heartbeat $heartbeat" ("Agent $($sessionHost.AgentVersion), update state $($sessionHost.UpdateState). " + (Limit-Lines $failed))

try {
    $sessions = @(Get-AzWvdUserSession -ResourceGroupName $resourceGroup -HostPoolName $pool.Name -SessionHostName $hostName)
    $active = @($sessions | Where-Object SessionState -eq 'Active').Count
    $limit = $pool.MaxSessionLimit
    $drain = -not $sessionHost.AllowNewSession
    $sessionLevel = if ($drain) { 'warning' } elseif ($limit -and $sessions.Count -ge $limit) { 'warning' } else { 'ok' }
    Add-Check 'avd.sessions' $sessionLevel "$($sessions.Count) sessions ($active active), new sessions $(if ($drain) { 'refused (drain mode)' } else { 'allowed' })" "Host pool $($pool.Name), limit $limit sessions per host, load balancer $($pool.LoadBalancerType)."
} catch {
    Add-Check 'avd.sessions' 'unknown' 'sessions not readable' "$($_.Exception.Message)"
}

try {
    $vmId = "$($sessionHost.ResourceId)"
    if ($vmId -notmatch '/resourceGroups/([^/]+)/providers/Microsoft\.Compute/virtualMachines/([^/]+)$') { throw "The session host names no Azure VM ($vmId)" }
    $vmStatus = Get-AzVM -ResourceGroupName $Matches[1] -Name $Matches[2] -Status
    $power = ($vmStatus.Statuses | Where-Object Code -like 'PowerState/*' | Select-Object -First 1).DisplayStatus
    Add-Check 'resource.state' $(if ($power -eq 'VM running') { 'ok' } else { 'critical' }) "$power" "VM $($Matches[2]) ($($Matches[1]))."
} catch {
    Add-Check 'resource.state' 'unknown' 'VM state not readable' "$($_.Exception.Message)"
}
Write-Diagnostics $type 'windows' "$($sessionHost.OSVersion)" $CheckIds
