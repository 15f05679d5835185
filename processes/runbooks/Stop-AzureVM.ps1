<#
.SYNOPSIS
    Stops an Azure virtual machine, deallocating it unless asked not to.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Stop VM" (opsflow definition
    processes/catalog/items/vm-stop.yaml). Shuts the guest OS down first. Signs in with the
    Automation account's managed identity. A VM already in the requested state counts as
    stopped. Writes one result line to Output; throws (the job ends Failed) on failure.

.PARAMETER SubscriptionId
    Subscription of the VM (GUID).

.PARAMETER ResourceGroupName
    Resource group of the VM.

.PARAMETER VMName
    Name of the VM.

.PARAMETER Deallocate
    'true' (default): deallocate, so compute is no longer billed. 'false': stop but keep the VM
    provisioned (keeps a dynamic public IP; compute is still billed). A string, because Automation
    passes job parameters as text and PowerShell would read any non-empty text as $true.

.OUTPUTS
    One line, e.g. "Stopped VM vm-acme-web01 (rg-acme-prod): VM deallocated".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $VMName,

    [ValidateSet('true', 'false')]
    [string] $Deallocate = 'true'
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

function Get-PowerState {
    $vm = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Status
    ($vm.Statuses | Where-Object Code -like 'PowerState/*' | Select-Object -First 1).DisplayStatus
}

$wanted = if ($Deallocate -eq 'true') { 'VM deallocated' } else { 'VM stopped' }
if ((Get-PowerState) -eq $wanted) {
    Write-Output "VM $VMName ($ResourceGroupName) was already in state: $wanted"
    return
}
$result = if ($Deallocate -eq 'true') {
    Stop-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Force
} else {
    Stop-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Force -StayProvisioned
}
if ($result.Status -ne 'Succeeded') {
    throw "Stopping VM $VMName ($ResourceGroupName) ended with status $($result.Status): $($result.Error)"
}
Write-Output "Stopped VM $VMName ($ResourceGroupName): $(Get-PowerState)"
