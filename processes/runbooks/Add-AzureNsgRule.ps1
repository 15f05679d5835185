<#
.SYNOPSIS
    Adds a security rule to an Azure network security group.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Add NSG rule" (opsflow definition
    processes/catalog/items/nsg-rule-add.yaml). A rule of that name that already exists with
    the same settings is left as it is, so a repeated job succeeds; one with other settings is
    not overwritten (the job fails). Signs in with the Automation account's managed identity.
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

$azureProtocol = if ($Protocol -eq 'Any') { '*' } else { $Protocol }
$summary = "$Direction $Access $Protocol $SourceAddressPrefix -> ${DestinationAddressPrefix}:$DestinationPortRange, priority $Priority"

$nsg = Get-AzNetworkSecurityGroup -ResourceGroupName $ResourceGroupName -Name $NsgName
$existing = $nsg.SecurityRules | Where-Object Name -eq $RuleName
if ($existing) {
    $same = $existing.Priority -eq $Priority -and $existing.Direction -eq $Direction -and $existing.Access -eq $Access `
        -and $existing.Protocol -eq $azureProtocol -and ($existing.SourceAddressPrefix -join ',') -eq $SourceAddressPrefix `
        -and ($existing.DestinationAddressPrefix -join ',') -eq $DestinationAddressPrefix `
        -and ($existing.DestinationPortRange -join ',') -eq $DestinationPortRange
    if (-not $same) {
        throw "NSG $NsgName ($ResourceGroupName) already has a rule $RuleName with other settings; not overwritten"
    }
    Write-Output "Rule $RuleName was already in NSG $NsgName ($ResourceGroupName): $summary"
    return
}
$clash = $nsg.SecurityRules | Where-Object { $_.Priority -eq $Priority -and $_.Direction -eq $Direction }
if ($clash) {
    throw "NSG $NsgName ($ResourceGroupName): priority $Priority ($Direction) is already used by rule $($clash.Name)"
}
$null = Add-AzNetworkSecurityRuleConfig -NetworkSecurityGroup $nsg -Name $RuleName -Priority $Priority `
    -Direction $Direction -Access $Access -Protocol $azureProtocol `
    -SourceAddressPrefix $SourceAddressPrefix -SourcePortRange '*' `
    -DestinationAddressPrefix $DestinationAddressPrefix -DestinationPortRange $DestinationPortRange `
    -Description 'Added by opsflow (ServiceNow catalog request)'
$updated = Set-AzNetworkSecurityGroup -NetworkSecurityGroup $nsg
if ($updated.ProvisioningState -ne 'Succeeded') {
    throw "NSG $NsgName ($ResourceGroupName) ended in state $($updated.ProvisioningState) after adding rule $RuleName"
}
Write-Output "Added rule $RuleName to NSG $NsgName ($ResourceGroupName): $summary"
