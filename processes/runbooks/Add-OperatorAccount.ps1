<#
.SYNOPSIS
    Gives an Entra ID user operator access by adding them to the customer's operators group.

.DESCRIPTION
    Fulfils the ServiceNow catalog item "Add operator account" (opsflow definition
    processes/catalog/items/operator-account-add.yaml). The group carries the Azure role
    assignments, so access follows membership. The user must already exist in the tenant
    (a member or an invited guest). A user who is already a member counts as added, so a
    repeated job succeeds. Signs in with the Automation account's managed identity, which must
    be allowed to read users and to manage this group's members (see README.md).
    Writes one result line to Output; throws (the job ends Failed) on failure.

.PARAMETER UserPrincipalName
    UPN of the operator, e.g. taro.yamada@contoso.co.jp.

.PARAMETER GroupObjectId
    Object id (GUID) of the operators security group.

.OUTPUTS
    One line, e.g. "Added taro.yamada@contoso.co.jp to group ACME Operators (0f1e2d3c-...)".
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
    throw "No Entra ID user $UserPrincipalName in this tenant (invite or create the account first)"
}
$members = Get-AzADGroupMember -GroupObjectId $GroupObjectId | Select-Object -ExpandProperty Id
if ($members -contains $user.Id) {
    Write-Output "$UserPrincipalName was already in group $($group.DisplayName) ($GroupObjectId)"
    return
}
Add-AzADGroupMember -TargetGroupObjectId $GroupObjectId -MemberObjectId $user.Id
Write-Output "Added $UserPrincipalName to group $($group.DisplayName) ($GroupObjectId)"
