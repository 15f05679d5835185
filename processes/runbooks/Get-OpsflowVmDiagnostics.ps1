<#
.SYNOPSIS
    Collects in-guest diagnostics of an Azure VM (Windows or Linux) for an opsflow incident.

.DESCRIPTION
    Started by opsflow's incident process (diagnostic-runbook.dmn) when an alert names a VM.
    Reads the OS from the VM's storageProfile.osDisk.osType and runs read-only checks in the
    guest through Run Command (Invoke-AzVMRunCommand): on Windows Server 2012 R2 / 2016 / 2019
    System and Application errors of the last hour, stopped automatic services, free disk, top
    processes, last boot and pending reboot; on RHEL 7 / 8 and CentOS 7 journal errors of the last
    hour (/var/log/messages where the journal is not persistent), failed units, df, top
    processes, last boot and the state and last error lines of Apache httpd and Tomcat.
    A check that cannot run (VM not running, Run Command refused or timed out) is reported
    'unknown' with the reason; the job fails only when the VM itself cannot be read.
    Writes exactly one JSON object (schema opsflow.diagnostics/v1) to Output.

.PARAMETER AlertId
    Id of the alert that started the incident (for the job's record; not used to read anything).

.PARAMETER TargetResource
    ARM id of the VM, /subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{name}.

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

$WindowsCheckIds = @('windows.eventlog.errors', 'windows.services.stopped', 'disk.free', 'processes.top', 'boot.last', 'reboot.pending')
$LinuxCheckIds = @('linux.journal.errors', 'linux.units.failed', 'disk.free', 'processes.top', 'boot.last', 'linux.httpd', 'linux.tomcat')

# Run Command returns at most the last 4096 bytes of output: each section is capped in the guest.
# Windows Server 2012 R2 ships Windows PowerShell 4.0, so the guest script uses nothing newer.
$WindowsGuestScript = @'
$ErrorActionPreference = 'SilentlyContinue'
function Cap([string] $t) { if ($t.Length -gt 400) { $t.Substring(0, 400) } else { $t } }
$os = Get-CimInstance Win32_OperatingSystem
'### os'
"$($os.Caption) $($os.Version)"
'### windows.eventlog.errors'
$events = @(Get-WinEvent -FilterHashtable @{ LogName = 'System', 'Application'; Level = 1, 2; StartTime = (Get-Date).AddHours(-1) } -MaxEvents 500)
"count=$($events.Count)"
Cap (($events | Group-Object LogName, ProviderName, Id | Sort-Object Count -Descending | Select-Object -First 5 | ForEach-Object {
    $m = ($_.Group[0].Message -split "`n")[0].Trim(); if ($m.Length -gt 60) { $m = $m.Substring(0, 60) }
    "$($_.Count)x $($_.Name): $m" }) -join "`n")
'### windows.services.stopped'
# Automatic services that stop by design once their work is done.
$byDesign = 'gupdate', 'edgeupdate', 'sppsvc', 'RemoteRegistry', 'MapsBroker', 'tiledatamodelsvc', 'CDPSvc', 'WbioSrvc', 'ShellHWDetection', 'TrustedInstaller'
$stopped = @(Get-CimInstance Win32_Service -Filter "StartMode='Auto' AND State<>'Running'" | Where-Object { $byDesign -notcontains $_.Name -and $_.Name -notlike 'clr_optimization*' })
"count=$($stopped.Count)"
Cap (($stopped | Select-Object -First 10 | ForEach-Object { "$($_.Name) ($($_.DisplayName)): $($_.State)" }) -join "`n")
'### disk.free'
Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3' | Select-Object -First 8 | ForEach-Object { "$($_.DeviceID) $($_.FreeSpace) $($_.Size)" }
'### processes.top'
Cap ((Get-Process | Sort-Object CPU -Descending | Select-Object -First 5 | ForEach-Object { '{0} (pid {1}): {2:N0} s CPU, {3:N0} MB' -f $_.ProcessName, $_.Id, $_.CPU, ($_.WorkingSet64 / 1MB) }) -join "`n")
'### boot.last'
"uptime=$([int]((Get-Date) - $os.LastBootUpTime).TotalSeconds)"
'### reboot.pending'
$reasons = @()
if (Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending') { $reasons += 'Component Based Servicing' }
if (Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired') { $reasons += 'Windows Update' }
if ((Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager').PendingFileRenameOperations) { $reasons += 'pending file renames' }
"pending=$($reasons.Count -gt 0)"
$reasons -join ', '
'@

# bash 4.2 / systemd 219 on RHEL 7 and CentOS 7: no jq, no newer systemctl options.
$LinuxGuestScript = @'
cap() { head -c 400; echo; }
echo '### os'
( . /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" ) || cat /etc/redhat-release
echo '### linux.journal.errors'
if [ -d /var/log/journal ] || [ ! -f /var/log/messages ]; then
  lines=$(journalctl -p err --since "1 hour ago" --no-pager -q -o short 2>/dev/null)
  echo "source=journal count=$(printf '%s' "$lines" | grep -c .)"
else
  lines=$(tail -n 5000 /var/log/messages | awk -v since="$(date -d '-1 hour' '+%b %e %H:%M:%S')" 'substr($0, 1, 3) == substr(since, 1, 3) && $0 >= since' | grep -iE 'error|crit|fail|alert|emerg')
  echo "source=/var/log/messages count=$(printf '%s' "$lines" | grep -c .)"
fi
printf '%s\n' "$lines" | tail -n 5 | cut -c1-160 | cap
echo '### linux.units.failed'
units=$(systemctl list-units --state=failed --no-legend --no-pager 2>/dev/null | sed 's/^[^A-Za-z0-9@_.-]*//' | awk '{print $1}')
echo "count=$(printf '%s' "$units" | grep -c .)"
printf '%s\n' "$units" | head -n 10 | cap
echo '### disk.free'
df -P -x tmpfs -x devtmpfs 2>/dev/null | awk 'NR>1 {print $6, $5, $4}' | head -n 8
echo '### processes.top'
ps -eo pid,comm,%cpu,%mem --sort=-%cpu | head -n 6 | cap
echo '### boot.last'
echo "uptime=$(cut -d. -f1 /proc/uptime)"
for svc in httpd tomcat; do
  echo "### linux.$svc"
  if [ "$svc" = httpd ]; then unit=httpd; else unit=$(systemctl list-unit-files 'tomcat*' --no-legend 2>/dev/null | awk '{print $1}' | head -n 1); fi
  if [ -n "$unit" ] && systemctl cat "$unit" >/dev/null 2>&1; then
    echo "installed=true state=$(systemctl is-active "$unit" 2>/dev/null) unit=$unit"
  elif [ "$svc" = tomcat ] && pgrep -f org.apache.catalina.startup.Bootstrap >/dev/null; then
    echo "installed=true state=active unit=process"
  else
    echo "installed=false"
  fi
  if [ "$svc" = httpd ]; then logs=/var/log/httpd/error_log; else logs=$(ls /var/log/tomcat*/catalina.out /opt/tomcat*/logs/catalina.out 2>/dev/null | head -n 1); fi
  [ -n "$logs" ] && [ -r "$logs" ] && tail -n 2000 "$logs" | grep -E '\[(error|crit|alert|emerg)|:error\]|SEVERE|ERROR' | tail -n 3 | cut -c1-160 | cap
done
# A missing log is no failure of the script: Run Command would report the job step as failed.
exit 0
'@

function Read-Sections([string] $Text) {
    $sections = @{}
    $current = $null
    foreach ($line in ($Text -split "`r?`n")) {
        if ($line -match '^### (\S+)\s*$') { $current = $Matches[1]; $sections[$current] = [System.Collections.Generic.List[string]]::new(); continue }
        if ($current) { $sections[$current].Add($line) }
    }
    $sections
}

function Get-Field([System.Collections.Generic.List[string]] $Lines, [string] $Name) {
    foreach ($line in $Lines) { if ($line -match "(^|\s)$Name=(\S+)") { return $Matches[2] } }
    $null
}

function Get-Rest([System.Collections.Generic.List[string]] $Lines) {
    Limit-Lines @($Lines | Select-Object -Skip 1)
}

function Add-BootCheck($Lines) {
    $uptime = [int](Get-Field $Lines 'uptime')
    $boot = (Get-Date).ToUniversalTime().AddSeconds(-$uptime).ToString('yyyy-MM-ddTHH:mm:ssZ')
    $status = if ($uptime -lt 3600) { 'warning' } else { 'ok' }
    Add-Check 'boot.last' $status $boot "Up for $([math]::Round($uptime / 3600, 1)) h$(if ($uptime -lt 3600) { ': restarted within the last hour' })"
}

function Add-DiskCheck($Lines, [bool] $Windows) {
    $worst = 0
    $rows = foreach ($line in $Lines) {
        $f = -split $line
        if ($f.Count -lt 3) { continue }
        if ($Windows) {
            if (-not [double]$f[2]) { continue }
            $used = [math]::Round(100 - 100 * [double]$f[1] / [double]$f[2])
            "$($f[0]) $used% used, $([math]::Round([double]$f[1] / 1GB, 1)) GB free"
        } else {
            $used = [int]($f[1].TrimEnd('%'))
            "$($f[0]) $used% used, $([math]::Round([double]$f[2] / 1MB, 1)) GB free"
        }
        if ($used -gt $worst) { $worst = $used }
    }
    Add-Check 'disk.free' (Get-Level $worst 80 90) "fullest volume $worst% used" (Limit-Lines $rows)
}

function Add-CountCheck([string] $Id, $Lines, [string] $Noun, [int] $Warning, [int] $Critical) {
    $count = [int](Get-Field $Lines 'count')
    $status = if ($count -eq 0) { 'ok' } else { Get-Level $count $Warning $Critical }
    $source = Get-Field $Lines 'source'
    Add-Check $Id $status "$count $Noun$(if ($source) { " ($source)" })" (Get-Rest $Lines)
}

function Add-WindowsChecks($S) {
    Add-CountCheck 'windows.eventlog.errors' $S['windows.eventlog.errors'] 'errors in the last hour' 1 20
    Add-CountCheck 'windows.services.stopped' $S['windows.services.stopped'] 'automatic services stopped' 1 1
    Add-DiskCheck $S['disk.free'] $true
    Add-Check 'processes.top' 'ok' 'top 5 by CPU time' (Limit-Lines $S['processes.top'])
    Add-BootCheck $S['boot.last']
    $pending = (Get-Field $S['reboot.pending'] 'pending') -eq 'True'
    Add-Check 'reboot.pending' $(if ($pending) { 'warning' } else { 'ok' }) $(if ($pending) { 'reboot pending' } else { 'no reboot pending' }) (Get-Rest $S['reboot.pending'])
}

function Add-ServiceCheck([string] $Id, $Lines, [string] $Name) {
    if ((Get-Field $Lines 'installed') -ne 'true') {
        Add-Check $Id 'ok' "$Name not installed" ''
        return
    }
    $state = Get-Field $Lines 'state'
    Add-Check $Id $(if ($state -eq 'active') { 'ok' } else { 'critical' }) "$Name $state ($(Get-Field $Lines 'unit'))" (Get-Rest $Lines)
}

function Add-LinuxChecks($S) {
    Add-CountCheck 'linux.journal.errors' $S['linux.journal.errors'] 'errors in the last hour' 1 20
    Add-CountCheck 'linux.units.failed' $S['linux.units.failed'] 'failed units' 1 1
    Add-DiskCheck $S['disk.free'] $false
    Add-Check 'processes.top' 'ok' 'top 5 by CPU' (Limit-Lines $S['processes.top'])
    Add-BootCheck $S['boot.last']
    Add-ServiceCheck 'linux.httpd' $S['linux.httpd'] 'httpd'
    Add-ServiceCheck 'linux.tomcat' $S['linux.tomcat'] 'Tomcat'
}

if ($TargetResource -notmatch '^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\.Compute/virtualMachines/([^/]+)$') {
    throw "Not the ARM id of a VM: $TargetResource"
}
$resourceGroup = $Matches[2]
$vmName = $Matches[3]
$null = Set-AzContext -Subscription $Matches[1]

# The one read the job cannot do without: without the VM nothing else can be said.
$vm = Get-AzVM -ResourceGroupName $resourceGroup -Name $vmName
$os = "$($vm.StorageProfile.OsDisk.OsType)".ToLowerInvariant()
$ids = if ($os -eq 'windows') { $WindowsCheckIds } else { $LinuxCheckIds }
$image = $vm.StorageProfile.ImageReference
$osVersion = if ($image -and $image.Offer) { "$($image.Offer) $($image.Sku)" } else { $null }

$power = 'unknown'
try {
    $status = Get-AzVM -ResourceGroupName $resourceGroup -Name $vmName -Status
    $power = ($status.Statuses | Where-Object Code -like 'PowerState/*' | Select-Object -First 1).DisplayStatus
    if ($status.OsName) { $osVersion = "$($status.OsName) $($status.OsVersion)".Trim() }
} catch {
    Write-Warning "Instance view of $vmName not readable: $($_.Exception.Message)"
}

if ($power -ne 'VM running') {
    foreach ($id in $ids) { Add-Check $id 'unknown' "VM not running ($power)" 'In-guest checks need a running VM.' }
} else {
    try {
        $run = if ($os -eq 'windows') {
            Invoke-AzVMRunCommand -ResourceGroupName $resourceGroup -VMName $vmName -CommandId 'RunPowerShellScript' -ScriptString $WindowsGuestScript
        } else {
            Invoke-AzVMRunCommand -ResourceGroupName $resourceGroup -VMName $vmName -CommandId 'RunShellScript' -ScriptString $LinuxGuestScript
        }
        $sections = Read-Sections (($run.Value | ForEach-Object { $_.Message }) -join "`n")
        if ($sections.ContainsKey('os') -and $sections['os'].Count -gt 0 -and $sections['os'][0].Trim()) { $osVersion = $sections['os'][0].Trim() }
        foreach ($id in $ids) {
            if (-not $sections.ContainsKey($id)) { Add-Check $id 'unknown' 'no answer from the guest' 'Run Command returned no section for this check (output cut at 4 KB, or the guest script stopped early).' }
        }
        if ($os -eq 'windows') { Add-WindowsChecks $sections } else { Add-LinuxChecks $sections }
    } catch {
        foreach ($id in $ids) { Add-Check $id 'unknown' 'Run Command failed' "Run Command on $vmName did not complete: $($_.Exception.Message)" }
    }
}
Write-Diagnostics 'microsoft.compute/virtualmachines' $(if ($os -in 'windows', 'linux') { $os }) $osVersion $ids
