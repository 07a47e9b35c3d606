module example.com/natslib

go 1.22

require github.com/nats-io/nats.go v1.0.0
