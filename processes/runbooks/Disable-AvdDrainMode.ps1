<#
.SYNOPSIS
    Takes an Azure Virtual Desktop session host out of drain mode.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "AVD drain mode off" (opsflow definition
    processes/catalog/items/avd-drain-off.yaml). The host accepts new sessions again. Signs in
    with the Automation account's managed identity. Writes one result line to Output; throws
    (the job ends Failed) on failure.

.PARAMETER SubscriptionId
    Subscription of the host pool (GUID).

.PARAMETER ResourceGroupName
    Resource group of the host pool.

.PARAMETER HostPoolName
    Name of the host pool.

.PARAMETER SessionHostName
    Session host name as the host pool lists it, e.g. vm-avd-0.contoso.local.

.OUTPUTS
    One line, e.g. "Drain mode off for vm-avd-0.contoso.local in hp-acme (rg-acme-avd): status Available".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $HostPoolName,

    [Parameter(Mandatory = $true)]
    [string] $SessionHostName
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

$sessionHost = Update-AzWvdSessionHost -ResourceGroupName $ResourceGroupName -HostPoolName $HostPoolName `
    -Name $SessionHostName -AllowNewSession:$true
if (-not $sessionHost.AllowNewSession) {
    throw "Session host $SessionHostName in $HostPoolName ($ResourceGroupName) still refuses new sessions"
}
Write-Output "Drain mode off for $SessionHostName in $HostPoolName (${ResourceGroupName}): status $($sessionHost.Status)"
