// Ecf.Functions in Azure: the function app (isolated worker, Flex Consumption), the storage account its durable task hub and
// files use, the Cosmos DB account holding the domain documents, a Key Vault for the token secret, and Application Insights.
// Every data-plane connection uses the app's managed identity; no account key is stored anywhere.
// Deploy: see infra/azure/README.md.

targetScope = 'resourceGroup'

@description('Short name of the environment, used in every resource name (e.g. ecf-dev, ecf-prod).')
@minLength(3)
@maxLength(12)
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('HMAC-SHA256 key of API token digests, at least 32 characters. Changing it invalidates every API token.')
@minLength(32)
@secure()
param tokenSecret string

@description('Name of the Cosmos DB database.')
param cosmosDatabaseName string = 'ecf'

@description('Largest number of instances the function app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

// The document containers, their partition keys and composite indexes, as the application declares them
// (shared/Ecf.Application/Storage/EcfContainers.cs); a test keeps this file equal to the code.
var containers = loadJsonContent('cosmos-containers.json')

// The Blob container of the app's file store (Files:Blob:ContainerName; the app's default is the same name).
var filesContainerName = 'ecf-files'

var suffix = uniqueString(resourceGroup().id, environmentName)
var names = {
  logs: '${environmentName}-logs'
  insights: '${environmentName}-insights'
  storage: 'st${take(toLower(replace(environmentName, '-', '')), 9)}${suffix}'
  cosmos: toLower('${environmentName}-${suffix}')
  vault: take('${environmentName}-${suffix}', 24)
  plan: '${environmentName}-plan'
  app: '${environmentName}-${suffix}'
}

// Built-in role definitions (ids are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  cosmosDataContributor: '00000000-0000-0000-0000-000000000002'
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// The deployment package of the Flex Consumption app, and the files the app keeps (GIAS extracts, statement exports).
resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'deployments'
}

resource files 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: filesContainerName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: names.cosmos
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [
      { locationName: location, failoverPriority: 0, isZoneRedundant: false }
    ]
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: 'Continuous7Days' }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: { id: cosmosDatabaseName }
    options: { autoscaleSettings: { maxThroughput: 4000 } }
  }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for container in containers: {
  parent: database
  name: container.name
  properties: {
    resource: {
      id: container.name
      partitionKey: { paths: [container.partitionKeyPath], kind: 'Hash', version: 2 }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [{ path: '/*' }]
        excludedPaths: [{ path: '/"_etag"/?' }]
        compositeIndexes: container.compositeIndexes
      }
    }
  }
}]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource tokenSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'auth-token-secret'
  properties: { value: tokenSecret }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: names.plan
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: names.app
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deployments.name}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maximumInstanceCount, instanceMemoryMB: 2048 }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // The Functions host and its durable task hub: Azure Storage through the managed identity.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
        // Files (GIAS extracts and what is imported from them): Blob storage through the managed identity.
        { name: 'Files__Provider', value: 'Blob' }
        { name: 'Files__Blob__AccountUrl', value: storage.properties.primaryEndpoints.blob }
        { name: 'Files__Blob__ContainerName', value: filesContainerName }
        // The domain documents.
        { name: 'Storage__Provider', value: 'Cosmos' }
        { name: 'Storage__Cosmos__Endpoint', value: cosmos.properties.documentEndpoint }
        { name: 'Storage__Cosmos__Database', value: cosmosDatabaseName }
        { name: 'Storage__Cosmos__UseManagedIdentity', value: 'true' }
        // Secrets stay in Key Vault; the platform resolves the reference with the app's identity.
        { name: 'Auth__TokenSecret', value: '@Microsoft.KeyVault(SecretUri=${tokenSecretValue.properties.secretUri})' }
        // Never in Azure: the sandbox clock header and the local tokens printed on start.
        { name: 'Sandbox__Enabled', value: 'false' }
        { name: 'LocalTokens__Enabled', value: 'false' }
      ]
    }
  }
}

resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]: {
  scope: storage
  name: guid(storage.id, app.id, role)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource appVaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, app.id, roles.keyVaultSecretsUser)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource appInsightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, app.id, roles.monitoringMetricsPublisher)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

// Cosmos DB's data plane has its own role assignments.
resource appCosmosRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, app.id, roles.cosmosDataContributor)
  properties: {
    principalId: app.identity.principalId
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${roles.cosmosDataContributor}'
    scope: cosmos.id
  }
}

output functionAppName string = app.name
output functionAppUrl string = 'https://${app.properties.defaultHostName}'
output cosmosEndpoint string = cosmos.properties.documentEndpoint
output storageAccountName string = storage.name
