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

# The output contract (opsflow.diagnostics/v1) and metric reading are shared by every diagnostic
# runbook: module OpsflowDiagnostics, imported into the account with them (README, "Importing").
Import-Module OpsflowDiagnostics -DisableNameChecking
Start-OpsflowDiagnostics -TargetResource $TargetResource

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
