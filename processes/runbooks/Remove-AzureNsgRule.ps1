<#
.SYNOPSIS
    Removes a security rule from an Azure network security group.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Remove NSG rule" (opsflow definition
    processes/catalog/items/nsg-rule-remove.yaml). A rule that is already gone counts as
    removed, so a repeated job succeeds. Signs in with the Automation account's managed
    identity. Writes one result line to Output; throws (the job ends Failed) on failure.

.PARAMETER SubscriptionId
    Subscription of the NSG (GUID).

.PARAMETER ResourceGroupName
    Resource group of the NSG.

.PARAMETER NsgName
    Name of the network security group.

.PARAMETER RuleName
    Name of the security rule to remove.

.OUTPUTS
    One line, e.g. "Removed rule allow-https-office from NSG nsg-acme-web (rg-acme-prod)".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $NsgName,

    [Parameter(Mandatory = $true)]
    [string] $RuleName
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

$nsg = Get-AzNetworkSecurityGroup -ResourceGroupName $ResourceGroupName -Name $NsgName
if (-not ($nsg.SecurityRules | Where-Object Name -eq $RuleName)) {
    Write-Output "Rule $RuleName was not in NSG $NsgName ($ResourceGroupName); nothing to remove"
    return
}
$null = Remove-AzNetworkSecurityRuleConfig -NetworkSecurityGroup $nsg -Name $RuleName
$updated = Set-AzNetworkSecurityGroup -NetworkSecurityGroup $nsg
if ($updated.ProvisioningState -ne 'Succeeded') {
    throw "NSG $NsgName ($ResourceGroupName) ended in state $($updated.ProvisioningState) after removing rule $RuleName"
}
Write-Output "Removed rule $RuleName from NSG $NsgName ($ResourceGroupName)"
