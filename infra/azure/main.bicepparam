// The deployment's parameters, read from the environment of whoever deploys (see README.md beside this file).
using 'main.bicep'

param environmentName = readEnvironmentVariable('ECF_ENVIRONMENT', 'ecf-dev')
param tokenSecret = readEnvironmentVariable('ECF_TOKEN_SECRET')
