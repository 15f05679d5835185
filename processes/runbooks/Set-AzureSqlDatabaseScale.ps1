<#
.SYNOPSIS
    Changes the service objective (scale) of an Azure SQL database.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Scale Azure SQL Database" (opsflow definition
    processes/catalog/items/sql-database-scale.yaml). The edition follows from the service
    objective (Basic, S* Standard, P* Premium, GP_* GeneralPurpose, BC_* BusinessCritical).
    Connections are dropped briefly when the change completes. A database that already has the
    objective is left alone. A database in an elastic pool is refused (the job fails): setting a
    service objective would move it out of its pool, which is a different change with other
    costs; scale the pool instead. Signs in with the Automation account's managed identity.
    Writes one result line to Output; throws (the job ends Failed) on failure.

.PARAMETER SubscriptionId
    Subscription of the SQL server (GUID).

.PARAMETER ResourceGroupName
    Resource group of the SQL server.

.PARAMETER ServerName
    Logical SQL server name, without .database.windows.net.

.PARAMETER DatabaseName
    Name of the database.

.PARAMETER ServiceObjective
    The new service objective, e.g. S1 or GP_Gen5_4.

.OUTPUTS
    One line, e.g. "Scaled database sales on sql-acme-prod (rg-acme-prod) from S1 to S2".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $SubscriptionId,

    [Parameter(Mandatory = $true)]
    [string] $ResourceGroupName,

    [Parameter(Mandatory = $true)]
    [string] $ServerName,

    [Parameter(Mandatory = $true)]
    [string] $DatabaseName,

    [Parameter(Mandatory = $true)]
    [string] $ServiceObjective
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity
$null = Set-AzContext -Subscription $SubscriptionId

$edition = switch -Regex ($ServiceObjective) {
    '^Basic$' { 'Basic' }
    '^S\d+$' { 'Standard' }
    '^P\d+$' { 'Premium' }
    '^GP_' { 'GeneralPurpose' }
    '^BC_' { 'BusinessCritical' }
    default { throw "Unknown service objective $ServiceObjective" }
}
$db = Get-AzSqlDatabase -ResourceGroupName $ResourceGroupName -ServerName $ServerName -DatabaseName $DatabaseName
if ($db.ElasticPoolName) {
    throw "Database $DatabaseName on $ServerName ($ResourceGroupName) is in elastic pool $($db.ElasticPoolName): not scaled, because a service objective would move it out of the pool. Scale the pool, or move the database out of it first."
}
$from = $db.CurrentServiceObjectiveName
if ($from -eq $ServiceObjective) {
    Write-Output "Database $DatabaseName on $ServerName ($ResourceGroupName) already has $ServiceObjective"
    return
}
$updated = Set-AzSqlDatabase -ResourceGroupName $ResourceGroupName -ServerName $ServerName -DatabaseName $DatabaseName `
    -Edition $edition -RequestedServiceObjectiveName $ServiceObjective
if ($updated.CurrentServiceObjectiveName -ne $ServiceObjective) {
    throw "Database $DatabaseName on $ServerName ($ResourceGroupName) has $($updated.CurrentServiceObjectiveName) after asking for $ServiceObjective (status $($updated.Status))"
}
Write-Output "Scaled database $DatabaseName on $ServerName ($ResourceGroupName) from $from to $ServiceObjective"
