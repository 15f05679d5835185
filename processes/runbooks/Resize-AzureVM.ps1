<#
.SYNOPSIS
    Changes the size of an Azure virtual machine.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Resize VM" (opsflow definition
    processes/catalog/items/vm-resize.yaml). The VM restarts. When the size is not available on
    the VM's current hardware cluster, the VM is deallocated, resized and started again (it was
    running) or left deallocated (it was not). Before a running VM is deallocated it is tagged
    opsflow-resize-restart, so a job run again after one that stopped half way (resized but not
    started) starts the VM instead of reporting success while it stays stopped; the tag is removed
    once the VM runs. A VM that already has the size and needs no start is left alone. The job
    fails whenever a VM that was running is not running at the end.
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

$restartTag = 'opsflow-resize-restart'

function Get-PowerState {
    $status = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Status
    ($status.Statuses | Where-Object Code -like 'PowerState/*' | Select-Object -First 1).DisplayStatus
}

function Set-RestartTag([bool] $Present) {
    $current = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName
    if ($null -eq $current.Tags) { $current.Tags = @{} }
    if ($Present) { $current.Tags[$restartTag] = 'true' } else { $null = $current.Tags.Remove($restartTag) }
    $result = Update-AzVM -ResourceGroupName $ResourceGroupName -VM $current
    if (-not $result.IsSuccessStatusCode) {
        throw "Tagging VM $VMName ($ResourceGroupName) failed: $($result.StatusCode) $($result.ReasonPhrase)"
    }
}

function Start-Again {
    $started = Start-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName
    if ($started.Status -ne 'Succeeded') {
        throw "VM $VMName ($ResourceGroupName) has size $VMSize but did not start again: $($started.Error)"
    }
}

$vm = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName
$from = $vm.HardwareProfile.VmSize
$pendingStart = $null -ne $vm.Tags -and $vm.Tags.ContainsKey($restartTag)
# A pending tag means an earlier job deallocated a running VM for this resize and did not finish.
$wasRunning = $pendingStart -or (Get-PowerState) -eq 'VM running'
$tagged = $pendingStart

if ($from -ne $VMSize) {
    $available = Get-AzVMSize -ResourceGroupName $ResourceGroupName -VMName $VMName | Select-Object -ExpandProperty Name
    $moves = $available -notcontains $VMSize
    if ($moves -and (Get-PowerState) -ne 'VM deallocated') {
        # Not offered on the current cluster: only a deallocated VM can move to another one.
        if ($wasRunning -and -not $tagged) {
            Set-RestartTag $true
            $tagged = $true
        }
        $stopped = Stop-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName -Force
        if ($stopped.Status -ne 'Succeeded') {
            throw "Deallocating VM $VMName ($ResourceGroupName) for the resize ended with status $($stopped.Status): $($stopped.Error)"
        }
    }
    $vm = Get-AzVM -ResourceGroupName $ResourceGroupName -Name $VMName
    $vm.HardwareProfile.VmSize = $VMSize
    $updated = Update-AzVM -ResourceGroupName $ResourceGroupName -VM $vm
    if (-not $updated.IsSuccessStatusCode) {
        throw "Resizing VM $VMName ($ResourceGroupName) to $VMSize failed: $($updated.StatusCode) $($updated.ReasonPhrase)"
    }
}
if ($wasRunning -and (Get-PowerState) -ne 'VM running') {
    Start-Again
}
if ($tagged) {
    Set-RestartTag $false
}
$power = Get-PowerState
if ($wasRunning -and $power -ne 'VM running') {
    throw "VM $VMName ($ResourceGroupName) has size $VMSize but is not running ($power); it was running before"
}
if ($from -eq $VMSize -and -not $pendingStart) {
    Write-Output "VM $VMName ($ResourceGroupName) already has size ${VMSize}: $power"
} elseif ($from -eq $VMSize) {
    Write-Output "VM $VMName ($ResourceGroupName) already had size $VMSize from an earlier job and was started again: $power"
} else {
    Write-Output "Resized VM $VMName ($ResourceGroupName) from $from to ${VMSize}: $power"
}
