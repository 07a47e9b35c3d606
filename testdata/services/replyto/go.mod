module example.com/replyto

go 1.22

require github.com/nats-io/nats.go v1.0.0

replace github.com/nats-io/nats.go => ./third_party/nats
