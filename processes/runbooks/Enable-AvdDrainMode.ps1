<#
.SYNOPSIS
    Puts an Azure Virtual Desktop session host into drain mode.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "AVD drain mode on" (opsflow definition
    processes/catalog/items/avd-drain-on.yaml). The host accepts no new sessions; sessions
    already on it carry on. Optionally asks connected users to sign out. Signs in with the
    Automation account's managed identity. Writes one result line to Output; throws (the job
    ends Failed) on failure.

.PARAMETER SubscriptionId
    Subscription of the host pool (GUID).

.PARAMETER ResourceGroupName
    Resource group of the host pool.

.PARAMETER HostPoolName
    Name of the host pool.

.PARAMETER SessionHostName
    Session host name as the host pool lists it, e.g. vm-avd-0.contoso.local.

.PARAMETER NotifyUsers
    'true': send each connected user a message (in Japanese and English) asking them to sign
    out. 'false' (default): no message. A string, because Automation passes job parameters as
    text and PowerShell would read any non-empty text as $true.

.OUTPUTS
    One line, e.g. "Drain mode on for vm-avd-0.contoso.local in hp-acme (rg-acme-avd): 3 sessions remain, 3 users notified".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $HostPoolName,

    [Parameter(Mandatory = $true)]
    [string] $SessionHostName,

    [ValidateSet('true', 'false')]
    [string] $NotifyUsers = 'false'
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

$sessionHost = Update-AzWvdSessionHost -ResourceGroupName $ResourceGroupName -HostPoolName $HostPoolName `
    -Name $SessionHostName -AllowNewSession:$false
if ($sessionHost.AllowNewSession) {
    throw "Session host $SessionHostName in $HostPoolName ($ResourceGroupName) still allows new sessions"
}
$sessions = @(Get-AzWvdUserSession -ResourceGroupName $ResourceGroupName -HostPoolName $HostPoolName -SessionHostName $SessionHostName)
$notified = 0
if ($NotifyUsers -eq 'true') {
    foreach ($session in $sessions) {
        $id = $session.Name.Split('/')[-1]
        Send-AzWvdUserSessionMessage -ResourceGroupName $ResourceGroupName -HostPoolName $HostPoolName `
            -SessionHostName $SessionHostName -UserSessionId $id `
            -MessageTitle 'メンテナンス / Maintenance' `
            -MessageBody 'このホストはメンテナンスのため作業を保存してサインアウトしてください。 / This host is going into maintenance: please save your work and sign out.'
        $notified++
    }
}
Write-Output "Drain mode on for $SessionHostName in $HostPoolName (${ResourceGroupName}): $($sessions.Count) sessions remain, $notified users notified"
