module github.com/nsqio/go-nsq

go 1.22
