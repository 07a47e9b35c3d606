module example.com/nsq

go 1.22

require github.com/nsqio/go-nsq v1.1.0
