<#
.SYNOPSIS
    Removes a security rule from an Azure network security group.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Remove NSG rule" (opsflow definition
    processes/catalog/items/nsg-rule-remove.yaml). A rule that is already gone counts as
    removed, so a repeated job succeeds. Only the rule itself is deleted (DELETE of the
    securityRules/{name} child resource), never the whole NSG written back, so a rule another
    job adds meanwhile is kept. Signs in with the Automation account's managed
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

$apiVersion = '2024-05-01'
$nsgPath = "/subscriptions/$SubscriptionId/resourceGroups/$ResourceGroupName/providers/Microsoft.Network/networkSecurityGroups/$NsgName"
$rulePath = "$nsgPath/securityRules/$RuleName"

# Invoke-AzRestMethod does not throw on HTTP errors: every answer but 404 (asked about by the caller) is checked here.
function Invoke-Arm([string] $Method, [string] $Path) {
    $response = Invoke-AzRestMethod -Method $Method -Path "${Path}?api-version=$apiVersion"
    if ($response.StatusCode -ge 400 -and $response.StatusCode -ne 404) {
        throw "$Method $Path answered $($response.StatusCode): $($response.Content)"
    }
    $response
}

if ((Invoke-Arm GET $nsgPath).StatusCode -eq 404) {
    throw "No NSG $NsgName in resource group $ResourceGroupName"
}
if ((Invoke-Arm GET $rulePath).StatusCode -eq 404) {
    Write-Output "Rule $RuleName was not in NSG $NsgName ($ResourceGroupName); nothing to remove"
    return
}
$null = Invoke-Arm DELETE $rulePath
# The DELETE is asynchronous (202): the rule is gone when a GET no longer finds it.
for ($i = 0; $i -lt 60; $i++) {
    if ((Invoke-Arm GET $rulePath).StatusCode -eq 404) {
        Write-Output "Removed rule $RuleName from NSG $NsgName ($ResourceGroupName)"
        return
    }
    Start-Sleep -Seconds 5
}
throw "NSG $NsgName ($ResourceGroupName): rule $RuleName is still there 5 minutes after the delete; check the NSG before running this again"
