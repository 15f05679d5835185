<#
.SYNOPSIS
    Takes operator access away from an Entra ID user by removing them from the operators group.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Remove operator account" (opsflow definition
    processes/catalog/items/operator-account-remove.yaml). The account itself is not deleted.
    A user who is not a member counts as removed, so a repeated job succeeds. A UPN that does
    not resolve to a user fails the job: a typo must not report the access as removed while the
    real account stays in the group. Signs in with the Automation account's managed identity, which must be allowed to
    read users and to manage this group's members (see README.md).
    Writes one result line to Output; throws (the job ends Failed) on failure.

.PARAMETER UserPrincipalName
    UPN of the operator, e.g. taro.yamada@contoso.co.jp.

.PARAMETER GroupObjectId
    Object id (GUID) of the operators security group.

.OUTPUTS
    One line, e.g. "Removed taro.yamada@contoso.co.jp from group ACME Operators (0f1e2d3c-...)".
#>
param(
    [Parameter(Mandatory = $true)]
    [string] $UserPrincipalName,

    [Parameter(Mandatory = $true)]
    [string] $GroupObjectId
)

$ErrorActionPreference = 'Stop'
$null = Disable-AzContextAutosave -Scope Process
$null = Connect-AzAccount -Identity

$group = Get-AzADGroup -ObjectId $GroupObjectId
if (-not $group) {
    throw "No Entra ID group with object id $GroupObjectId"
}
$user = Get-AzADUser -UserPrincipalName $UserPrincipalName
if (-not $user) {
    throw "No Entra ID user $UserPrincipalName in this tenant: check the UPN; group $($group.DisplayName) ($GroupObjectId) was not changed"
}
$members = Get-AzADGroupMember -GroupObjectId $GroupObjectId | Select-Object -ExpandProperty Id
if ($members -notcontains $user.Id) {
    Write-Output "$UserPrincipalName was not in group $($group.DisplayName) ($GroupObjectId); nothing to remove"
    return
}
Remove-AzADGroupMember -GroupObjectId $GroupObjectId -MemberObjectId $user.Id
$still = Get-AzADGroupMember -GroupObjectId $GroupObjectId | Where-Object Id -eq $user.Id
if ($still) {
    throw "$UserPrincipalName is still in group $($group.DisplayName) ($GroupObjectId) after the removal"
}
Write-Output "Removed $UserPrincipalName from group $($group.DisplayName) ($GroupObjectId)"
