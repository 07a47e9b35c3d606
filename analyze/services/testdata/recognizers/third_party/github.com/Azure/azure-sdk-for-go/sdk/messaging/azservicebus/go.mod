module github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus

go 1.22
