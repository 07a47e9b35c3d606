module example.com/stan

go 1.22

require github.com/nats-io/stan.go v1.0.0
