module example.com/aws

go 1.22

require (
	github.com/aws/aws-sdk-go-v2 v1.0.0
	github.com/aws/aws-sdk-go v1.0.0
)
