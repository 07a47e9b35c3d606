module github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs

go 1.22
