// The function app: Flex Consumption, runtime "custom" (our ASP.NET Core custom handler), the
// user-assigned identity for everything it reaches, and the app settings the code reads.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param blobEndpoint string
param tableEndpoint string
param applicationInsightsConnectionString string
param acsEndpoint string
param senderAddress string
@secure()
param manageTokenKey string
param corsOrigins array
param clinicConfigurationJson string
param reminderSweepSchedule string
param bookingRecoverySchedule string
param patientDataRetentionSchedule string
param instanceMemoryMB int = 2048
param maximumInstanceCount int = 40

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var corsSettings = reduce(range(0, length(corsOrigins)), {}, (settings, i) => union(settings, { 'Api__CorsOrigins__${i}': trim(corsOrigins[i]) }))
var clinicSettings = empty(clinicConfigurationJson) ? {} : { ClinicConfigurationJson: clinicConfigurationJson }

var appSettings = union({
  // The Functions host: identity-based AzureWebJobsStorage (timer leases), telemetry with Entra ID.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

  // The app: tables and email through the managed identity, no keys.
  Storage__TableEndpoint: tableEndpoint
  Storage__ManagedIdentityClientId: identityClientId
  Email__Sender: 'Acs'
  Email__AcsEndpoint: acsEndpoint
  Email__ManagedIdentityClientId: identityClientId
  Clinic__SenderEmail: senderAddress
  Security__ManageTokenKey: manageTokenKey
  Api__PublicUrl: 'https://${app.properties.defaultHostName}/'

  // Timer schedules, read by function.json as %Setting%.
  ReminderSweepSchedule: reminderSweepSchedule
  BookingRecoverySchedule: bookingRecoverySchedule
  PatientDataRetentionSchedule: patientDataRetentionSchedule
}, corsSettings, clinicSettings)

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
