// What wakes the clinic's on-call: reminders failing, the reminder sweep falling behind or going
// silent, and the app failing its health check. Every alert mails the address given at deploy time.
// The metric names are the app's (src/Microneedling.Functions/Telemetry/ClinicMetrics.cs); the
// README's Operations section says what to do when each fires.
param name string
param location string
param tags object
param applicationInsightsId string
param healthUrl string
param alertEmail string
@description('Minutes the oldest due reminder may wait before the sweep-lag alert fires.')
param sweepLagMinutes int = 15

resource onCall 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${name}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'clinic-ops'
    enabled: true
    emailReceivers: [
      { name: 'on-call', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
  }
}

// Log-search alerts over the app's custom metrics (the customMetrics table of Application Insights).
var logAlerts = [
  {
    key: 'reminders-failing'
    severity: 1
    description: 'Reminder emails failed for good (microneedling.reminders.failed) in the last 15 minutes.'
    query: 'customMetrics | where name == "microneedling.reminders.failed" | summarize failed = sum(valueSum)'
    measure: 'failed'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    key: 'sweep-lag'
    severity: 2
    description: 'The oldest due reminder waited more than ${sweepLagMinutes} minutes (microneedling.reminders.sweep_lag).'
    query: 'customMetrics | where name == "microneedling.reminders.sweep_lag" | summarize lag = max(valueMax)'
    measure: 'lag'
    operator: 'GreaterThan'
    threshold: sweepLagMinutes * 60
  }
  {
    key: 'sweep-silent'
    severity: 1
    description: 'No reminder sweep ran in the last 15 minutes (no microneedling.reminders.sweep_lag point).'
    query: 'customMetrics | where name == "microneedling.reminders.sweep_lag" | summarize runs = count()'
    measure: 'runs'
    operator: 'LessThan'
    threshold: 1
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for alert in logAlerts: {
  name: '${alert.key}-${name}'
  location: location
  tags: tags
  properties: {
    displayName: alert.key
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [applicationInsightsId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Total'
          metricMeasureColumn: alert.measure
          operator: alert.operator
          threshold: alert.threshold
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [onCall.id] }
  }
}]

// GET /api/health from three regions every 5 minutes: 200 only when Table Storage answers.
resource health 'Microsoft.Insights/webtests@2022-06-15' = {
  name: 'health-${name}'
  location: location
  tags: union(tags, { 'hidden-link:${applicationInsightsId}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: 'health-${name}'
    Name: 'health'
    Kind: 'standard'
    Enabled: true
    Frequency: 300
    Timeout: 30
    RetryEnabled: true
    Locations: [
      { Id: 'emea-nl-ams-azr' }
      { Id: 'emea-gb-db3-azr' }
      { Id: 'us-va-ash-azr' }
    ]
    Request: { RequestUrl: healthUrl, HttpVerb: 'GET' }
    ValidationRules: { ExpectedHttpStatusCode: 200, SSLCheck: true, SSLCertRemainingLifetimeCheck: 7 }
  }
}

resource unhealthy 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'app-unhealthy-${name}'
  location: 'global'
  tags: tags
  properties: {
    description: 'GET /api/health failed from 2 or more of 3 regions: the app is down or cannot reach Table Storage.'
    severity: 0
    enabled: true
    scopes: [health.id, applicationInsightsId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: health.id
      componentId: applicationInsightsId
      failedLocationCount: 2
    }
    actions: [{ actionGroupId: onCall.id }]
  }
}

output actionGroupId string = onCall.id
