<#
.SYNOPSIS
    Restarts an Azure virtual machine.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Restart VM" (opsflow definition
    processes/catalog/items/vm-restart.yaml). Stops the VM (keeping it provisioned, so it keeps
    its host and dynamic IP) and starts it again. Signs in with the Automation account's managed
    identity. Writes one result line to Output; throws (the job ends Failed) on failure.

.PARAMETER SubscriptionId
    Subscription of the VM (GUID).

.PARAMETER ResourceGroupName
    Resource group of the VM.

.PARAMETER VMName
    Name of the VM.

.PARAMETER RestartMode
    'graceful' (default): shut the guest OS down, then start. 'force': stop without shutting the
    guest OS down (for a hung VM), then start.

.OUTPUTS
    One line, e.g. "Restarted VM vm-acme-web01 (rg-acme-prod, graceful): VM running".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $VMName,

    [ValidateSet('graceful', 'force')]
    [string] $RestartMode = 'graceful'
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

$stopped = if ($RestartMode -eq 'force') {
    Stop-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Force -StayProvisioned -SkipShutdown
} else {
    Stop-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Force -StayProvisioned
}
if ($stopped.Status -ne 'Succeeded') {
    throw "Stopping VM $VMName ($ResourceGroupName) ended with status $($stopped.Status): $($stopped.Error)"
}
$started = Start-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName
if ($started.Status -ne 'Succeeded') {
    throw "VM $VMName ($ResourceGroupName) stopped but did not start again: status $($started.Status): $($started.Error)"
}
$vm = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Status
$power = ($vm.Statuses | Where-Object Code -like 'PowerState/*' | Select-Object -First 1).DisplayStatus
Write-Output "Restarted VM $VMName ($ResourceGroupName, $RestartMode): $power"
