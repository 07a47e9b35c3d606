module github.com/bsm/sarama-cluster

go 1.22
