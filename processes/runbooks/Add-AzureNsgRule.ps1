<#
.SYNOPSIS
    Adds a security rule to an Azure network security group.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Add NSG rule" (opsflow definition
    processes/catalog/items/nsg-rule-add.yaml). A rule of that name that already exists with
    the same settings is left as it is, so a repeated job succeeds; one with other settings is
    not overwritten (the job fails). Only the rule itself is written (PUT of the
    securityRules/{name} child resource), never the whole NSG, so two jobs on one NSG cannot
    undo each other's rules; a priority taken meanwhile by another job is refused by Azure and
    fails this job. Signs in with the Automation account's managed identity.
    Writes one result line to Output; throws (the job ends Failed) on failure.

.PARAMETER SubscriptionId
    Subscription of the NSG (GUID).

.PARAMETER ResourceGroupName
    Resource group of the NSG.

.PARAMETER NsgName
    Name of the network security group.

.PARAMETER RuleName
    Name of the new security rule.

.PARAMETER Priority
    100-4096; must not be used by another rule in the same direction.

.PARAMETER Direction
    Inbound (default) or Outbound.

.PARAMETER Access
    Allow (default) or Deny.

.PARAMETER Protocol
    Tcp, Udp, Icmp or Any.

.PARAMETER SourceAddressPrefix
    Source IPv4 address or CIDR block, e.g. 203.0.113.0/24.

.PARAMETER DestinationAddressPrefix
    Destination IPv4 address or CIDR block; '*' (default) for any.

.PARAMETER DestinationPortRange
    Destination port or range, e.g. 443 or 8000-8100.

.OUTPUTS
    One line, e.g. "Added rule allow-https-office to NSG nsg-acme-web (rg-acme-prod): Inbound Allow Tcp 203.0.113.0/24 -> *:443, priority 310".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $NsgName,

    [Parameter(Mandatory = $true)]
    [string] $RuleName,

    [Parameter(Mandatory = $true)]
    [ValidateRange(100, 4096)]
    [int] $Priority,

    [ValidateSet('Inbound', 'Outbound')]
    [string] $Direction = 'Inbound',

    [ValidateSet('Allow', 'Deny')]
    [string] $Access = 'Allow',

    [Parameter(Mandatory = $true)]
    [ValidateSet('Tcp', 'Udp', 'Icmp', 'Any')]
    [string] $Protocol,

    [Parameter(Mandatory = $true)]
    [string] $SourceAddressPrefix,

    [string] $DestinationAddressPrefix = '*',

    [Parameter(Mandatory = $true)]
    [string] $DestinationPortRange
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

$apiVersion = '2024-05-01'
$nsgPath = "/subscriptions/$SubscriptionId/resourceGroups/$ResourceGroupName/providers/Microsoft.Network/networkSecurityGroups/$NsgName"
$rulePath = "$nsgPath/securityRules/$RuleName"

# Invoke-AzRestMethod does not throw on HTTP errors: every answer but 404 (asked about by the caller) is checked here.
function Invoke-Arm([string] $Method, [string] $Path, [string] $Payload) {
    $request = @{ Method = $Method; Path = "${Path}?api-version=$apiVersion" }
    if ($Payload) { $request.Payload = $Payload }
    $response = Invoke-AzRestMethod @request
    if ($response.StatusCode -ge 400 -and $response.StatusCode -ne 404) {
        throw "$Method $Path answered $($response.StatusCode): $($response.Content)"
    }
    $response
}

function Join-Prefix($Single, $Many) {
    if ($Many) { ($Many | Sort-Object) -join ',' } else { "$Single" }
}

$azureProtocol = if ($Protocol -eq 'Any') { '*' } else { $Protocol }
$summary = "$Direction $Access $Protocol $SourceAddressPrefix -> ${DestinationAddressPrefix}:$DestinationPortRange, priority $Priority"

$found = Invoke-Arm GET $rulePath
if ($found.StatusCode -eq 200) {
    $existing = ($found.Content | ConvertFrom-Json).properties
    $same = $existing.priority -eq $Priority -and $existing.direction -eq $Direction -and $existing.access -eq $Access `
        -and $existing.protocol -eq $azureProtocol `
        -and (Join-Prefix $existing.sourceAddressPrefix $existing.sourceAddressPrefixes) -eq $SourceAddressPrefix `
        -and (Join-Prefix $existing.destinationAddressPrefix $existing.destinationAddressPrefixes) -eq $DestinationAddressPrefix `
        -and (Join-Prefix $existing.destinationPortRange $existing.destinationPortRanges) -eq $DestinationPortRange
    if (-not $same) {
        throw "NSG $NsgName ($ResourceGroupName) already has a rule $RuleName with other settings; not overwritten"
    }
    if ($existing.provisioningState -eq 'Succeeded') {
        Write-Output "Rule $RuleName was already in NSG $NsgName ($ResourceGroupName): $summary"
        return
    }
}
$nsg = Invoke-Arm GET $nsgPath
if ($nsg.StatusCode -eq 404) {
    throw "No NSG $NsgName in resource group $ResourceGroupName"
}
$clash = ($nsg.Content | ConvertFrom-Json).properties.securityRules |
    Where-Object { $_.name -ne $RuleName -and $_.properties.priority -eq $Priority -and $_.properties.direction -eq $Direction }
if ($clash) {
    throw "NSG $NsgName ($ResourceGroupName): priority $Priority ($Direction) is already used by rule $($clash.name)"
}
$rule = @{ properties = @{
        priority = $Priority; direction = $Direction; access = $Access; protocol = $azureProtocol
        sourceAddressPrefix = $SourceAddressPrefix; sourcePortRange = '*'
        destinationAddressPrefix = $DestinationAddressPrefix; destinationPortRange = $DestinationPortRange
        description = 'Added by opsflow (ServiceNow catalog request)'
    } } | ConvertTo-Json -Depth 4
$null = Invoke-Arm PUT $rulePath $rule
# The PUT is asynchronous (201 + Azure-AsyncOperation): the rule's own state says when it is in force.
for ($i = 0; $i -lt 60; $i++) {
    $state = (((Invoke-Arm GET $rulePath).Content | ConvertFrom-Json).properties).provisioningState
    if ($state -eq 'Succeeded') {
        Write-Output "Added rule $RuleName to NSG $NsgName ($ResourceGroupName): $summary"
        return
    }
    if ($state -eq 'Failed') {
        throw "NSG $NsgName ($ResourceGroupName): rule $RuleName ended in state Failed"
    }
    Start-Sleep -Seconds 5
}
throw "NSG $NsgName ($ResourceGroupName): rule $RuleName still $state after 5 minutes; check the NSG before running this again"
