// Azure Communication Services Email: an email service with one domain (Azure-managed unless a
// custom one is given), linked to a communication service the app sends through.
param communicationServiceName string
param emailServiceName string
param customDomain string
param dataLocation string
param tags object
param principalId string

@description('Role the app identity gets on the communication service to send with Entra ID (default: Contributor, scoped to this resource only).')
param senderRoleDefinitionId string = 'b24988ac-6180-42a0-ab88-20f7382dd24c'

var azureManaged = empty(customDomain)

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: azureManaged ? 'AzureManagedDomain' : customDomain
  location: 'global'
  tags: tags
  properties: {
    domainManagement: azureManaged ? 'AzureManaged' : 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [domain.id]
  }
}

resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: communication
  name: guid(communication.id, principalId, senderRoleDefinitionId)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', senderRoleDefinitionId)
  }
}

output endpoint string = 'https://${communication.properties.hostName}'
output senderAddress string = 'DoNotReply@${domain.properties.mailFromSenderDomain}'
output verificationRecords object = azureManaged ? {} : domain.properties.verificationRecords
