targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('azd environment name; resource names derive from it.')
param environmentName string

@description('Region for the function app, storage and monitoring. Flex Consumption must be available there.')
param location string = resourceGroup().location

@secure()
@description('Base64 secret (32+ bytes) that derives manage tokens. Generate with: openssl rand -base64 48')
param manageTokenKey string

@description('Your own sending domain (e.g. mail.clinic.example); empty uses an Azure-managed domain.')
param customEmailDomain string = ''

@description('Comma-separated origins of the clinic websites allowed to call the public API from browsers.')
param corsOrigins string = ''

@description('The whole clinic configuration as JSON ({"Clinic":{...}}); empty uses the shipped sample.')
param clinicConfigurationJson string = ''

@allowed(['Africa', 'Asia Pacific', 'Australia', 'Brazil', 'Canada', 'Europe', 'France', 'Germany', 'India', 'Japan', 'Korea', 'Norway', 'Switzerland', 'UAE', 'UK', 'United States'])
@description('Where ACS keeps email data at rest.')
param emailDataLocation string = 'Europe'

@description('Where alerts go (reminders failing, the sweep behind or silent, the app unhealthy): the clinic\'s on-call address.')
param alertEmail string

@description('Minutes the oldest due reminder may wait before the sweep-lag alert fires.')
param sweepLagAlertMinutes int = 15

@description('NCRONTAB schedules (UTC) of the timer functions.')
param reminderSweepSchedule string = '0 * * * * *'
param bookingRecoverySchedule string = '30 */2 * * * *'
param patientDataRetentionSchedule string = '0 30 3 * * *'

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }

module identity 'app/identity.bicep' = {
  name: 'identity'
  params: { name: 'id-${token}', location: location, tags: tags }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${token}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${token}'
    principalId: identity.outputs.principalId
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${token}'
    applicationInsightsName: 'appi-${token}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module email 'app/email.bicep' = {
  name: 'email'
  params: {
    communicationServiceName: 'acs-${token}'
    emailServiceName: 'ecs-${token}'
    customDomain: customEmailDomain
    dataLocation: emailDataLocation
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  params: {
    name: 'func-${token}'
    planName: 'plan-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    acsEndpoint: email.outputs.endpoint
    senderAddress: email.outputs.senderAddress
    manageTokenKey: manageTokenKey
    corsOrigins: empty(corsOrigins) ? [] : split(corsOrigins, ',')
    clinicConfigurationJson: clinicConfigurationJson
    reminderSweepSchedule: reminderSweepSchedule
    bookingRecoverySchedule: bookingRecoverySchedule
    patientDataRetentionSchedule: patientDataRetentionSchedule
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  params: {
    name: token
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.id
    healthUrl: '${api.outputs.url}/api/health'
    alertEmail: alertEmail
    sweepLagMinutes: sweepLagAlertMinutes
  }
}

output AZURE_LOCATION string = location
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URL string = api.outputs.url
output EMAIL_SENDER_ADDRESS string = email.outputs.senderAddress
output EMAIL_DOMAIN_VERIFICATION_RECORDS object = email.outputs.verificationRecords
