<#
.SYNOPSIS
    Starts an Azure virtual machine.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Start VM" (opsflow definition
    processes/catalog/items/vm-start.yaml). Signs in with the Automation account's managed
    identity. A VM that is already running counts as started, so a repeated job does no harm.
    Writes one result line to Output; throws (the job ends Failed) when the VM does not start.

.PARAMETER SubscriptionId
    Subscription of the VM (GUID).

.PARAMETER ResourceGroupName
    Resource group of the VM.

.PARAMETER VMName
    Name of the VM.

.OUTPUTS
    One line, e.g. "Started VM vm-acme-web01 (rg-acme-prod): VM running".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $VMName
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

function Get-PowerState {
    $vm = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Status
    ($vm.Statuses | Where-Object Code -like 'PowerState/*' | Select-Object -First 1).DisplayStatus
}

if ((Get-PowerState) -eq 'VM running') {
    Write-Output "VM $VMName ($ResourceGroupName) was already running"
    return
}
$result = Start-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName
if ($result.Status -ne 'Succeeded') {
    throw "Starting VM $VMName ($ResourceGroupName) ended with status $($result.Status): $($result.Error)"
}
Write-Output "Started VM $VMName ($ResourceGroupName): $(Get-PowerState)"
