module github.com/nats-io/stan.go

go 1.22
