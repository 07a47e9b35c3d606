module example.com/pubsub

go 1.22

require (
	cloud.google.com/go/pubsub v1.0.0
	cloud.google.com/go/pubsub/v2 v2.0.0
)
