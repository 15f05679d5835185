// The customer's common operations resources, deployed by CircleCI on every push to `production`.
// opsflow writes infra/main.parameters.json; this file and its module stay as the template made them.
targetScope = 'subscription'

@description('opsflow customer id (its tenant key), e.g. acme.')
@minLength(2)
@maxLength(31)
param customerId string

@description('Azure region of the resource group and of every resource in it, e.g. japaneast.')
param location string

@description('Resource group that holds the operations resources.')
@minLength(1)
@maxLength(90)
param resourceGroupName string

@description('Automation account that runs opsflow\'s runbooks (6-50 characters).')
@minLength(6)
@maxLength(50)
param automationAccountName string

@description('Log Analytics workspace for the customer\'s logs (4-63 characters).')
@minLength(4)
@maxLength(63)
param workspaceName string

@description('Action group that sends alerts to opsflow.')
@minLength(1)
@maxLength(260)
param actionGroupName string

@description('Short name shown in SMS and e-mail notifications (at most 12 characters).')
@minLength(1)
@maxLength(12)
param actionGroupShortName string

@description('opsflow\'s Azure Monitor webhook (https).')
param opsflowWebhookUrl string

@description('Object id of opsflow\'s Entra app registration, for the Secure Webhook.')
param opsflowAppObjectId string

@description('Application ID URI of opsflow\'s Entra app: the audience of the Secure Webhook token.')
param opsflowAppIdentifierUri string

@description('Tags put on every resource; opsflow adds opsflow-customer.')
param tags object

var resourceTags = union(tags, {
  'opsflow-customer': customerId
})

resource operationsGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: resourceGroupName
  location: location
  tags: resourceTags
}

module operations 'modules/operations.bicep' = {
  name: 'opsflow-operations'
  scope: operationsGroup
  params: {
    location: location
    automationAccountName: automationAccountName
    workspaceName: workspaceName
    actionGroupName: actionGroupName
    actionGroupShortName: actionGroupShortName
    opsflowWebhookUrl: opsflowWebhookUrl
    opsflowAppObjectId: opsflowAppObjectId
    opsflowAppIdentifierUri: opsflowAppIdentifierUri
    tags: resourceTags
  }
}

output resourceGroupId string = operationsGroup.id
output automationAccountId string = operations.outputs.automationAccountId
output automationPrincipalId string = operations.outputs.automationPrincipalId
output workspaceId string = operations.outputs.workspaceId
output actionGroupId string = operations.outputs.actionGroupId
