<#
.SYNOPSIS
    Restarts an App Service app, or one of its deployment slots.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Restart App Service" (opsflow definition
    processes/catalog/items/app-service-restart.yaml). Signs in with the Automation account's
    managed identity. Writes one result line to Output; throws (the job ends Failed) on failure.

.PARAMETER SubscriptionId
    Subscription of the app (GUID).

.PARAMETER ResourceGroupName
    Resource group of the app.

.PARAMETER WebAppName
    Name of the App Service app.

.PARAMETER SlotName
    Deployment slot to restart; empty (default) restarts the production slot.

.OUTPUTS
    One line, e.g. "Restarted App Service app-acme-shop (rg-acme-prod), slot production: Running".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $WebAppName,

    [string] $SlotName = ''
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

if ($SlotName) {
    $app = Restart-AzWebAppSlot -ResourceGroupName $ResourceGroupName -Name $WebAppName -Slot $SlotName
    $slot = $SlotName
} else {
    $app = Restart-AzWebApp -ResourceGroupName $ResourceGroupName -Name $WebAppName
    $slot = 'production'
}
if ($app.State -ne 'Running') {
    throw "App Service $WebAppName ($ResourceGroupName), slot $slot is $($app.State) after the restart"
}
Write-Output "Restarted App Service $WebAppName ($ResourceGroupName), slot ${slot}: $($app.State)"
