// The resources opsflow operates in the customer's resource group: where its runbooks run, where logs
// go, and the action group that turns Azure Monitor alerts into opsflow incidents.
targetScope = 'resourceGroup'

param location string
param automationAccountName string
param workspaceName string
param actionGroupName string

@maxLength(12)
param actionGroupShortName string

param opsflowWebhookUrl string
param opsflowAppObjectId string
param opsflowAppIdentifierUri string
param tags object

// The system-assigned identity is what runbooks sign in with; the MSP grants it roles on the
// subscription after the first deployment (its principal id is an output).
resource automationAccount 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: automationAccountName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    sku: {
      name: 'Basic'
    }
    publicNetworkAccess: true
    // opsflow starts jobs through ARM with Entra tokens; no runbook webhook or account key is needed.
    disableLocalAuth: true
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

// Secure Webhook: Azure Monitor fetches an Entra token for opsflow's app and sends it as a bearer
// token, so the webhook URL carries no secret. The common alert schema is what opsflow parses.
resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: actionGroupShortName
    enabled: true
    webhookReceivers: [
      {
        name: 'opsflow'
        serviceUri: opsflowWebhookUrl
        useCommonAlertSchema: true
        useAadAuth: true
        objectId: opsflowAppObjectId
        identifierUri: opsflowAppIdentifierUri
      }
    ]
  }
}

output automationAccountId string = automationAccount.id
output automationPrincipalId string = automationAccount.identity!.principalId
output workspaceId string = workspace.id
output actionGroupId string = actionGroup.id
