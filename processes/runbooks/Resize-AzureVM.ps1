<#
.SYNOPSIS
    Changes the size of an Azure virtual machine.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Resize VM" (opsflow definition
    processes/catalog/items/vm-resize.yaml). The VM restarts. When the size is not available on
    the VM's current hardware cluster, the VM is deallocated, resized and started again (it was
    running) or left deallocated (it was not). A VM that already has the size is left alone.
    Signs in with the Automation account's managed identity. Writes one result line to Output;
    throws (the job ends Failed) on failure.

.PARAMETER SubscriptionId
    Subscription of the VM (GUID).

.PARAMETER ResourceGroupName
    Resource group of the VM.

.PARAMETER VMName
    Name of the VM.

.PARAMETER VMSize
    The new size, e.g. Standard_D4s_v5 (opsflow allows only the sizes in the catalog definition).

.OUTPUTS
    One line, e.g. "Resized VM vm-acme-web01 (rg-acme-prod) from Standard_D2s_v5 to Standard_D4s_v5: VM running".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $VMName,

    [Parameter(Mandatory = $true)]
    [string] $VMSize
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

$vm = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName
$from = $vm.HardwareProfile.VmSize
if ($from -eq $VMSize) {
    Write-Output "VM $VMName ($ResourceGroupName) already has size $VMSize"
    return
}
$status = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Status
$wasRunning = $null -ne ($status.Statuses | Where-Object Code -eq 'PowerState/running')

$available = Get-AzVMSize -ResourceGroupName $ResourceGroupName -VMName $VMName | Select-Object -ExpandProperty Name
if ($available -notcontains $VMSize) {
    # Not offered on the current cluster: only a deallocated VM can move to another one.
    $stopped = Stop-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Force
    if ($stopped.Status -ne 'Succeeded') {
        throw "Deallocating VM $VMName ($ResourceGroupName) for the resize ended with status $($stopped.Status): $($stopped.Error)"
    }
    $vm = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName
}
$vm.HardwareProfile.VmSize = $VMSize
$updated = Update-AzVM -ResourceGroupName $ResourceGroupName -VM $vm
if (-not $updated.IsSuccessStatusCode) {
    throw "Resizing VM $VMName ($ResourceGroupName) to $VMSize failed: $($updated.StatusCode) $($updated.ReasonPhrase)"
}
if ($available -notcontains $VMSize -and $wasRunning) {
    $started = Start-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName
    if ($started.Status -ne 'Succeeded') {
        throw "VM $VMName ($ResourceGroupName) was resized to $VMSize but did not start again: $($started.Error)"
    }
}
$status = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Status
$power = ($status.Statuses | Where-Object Code -like 'PowerState/*' | Select-Object -First 1).DisplayStatus
Write-Output "Resized VM $VMName ($ResourceGroupName) from $from to ${VMSize}: $power"
