// Package consumer stands in for rocketmq-client-go's consumer options.
package consumer

import "github.com/apache/rocketmq-client-go/v2/primitive"

type Option func(*struct{})

func WithNameServer(nameServers primitive.NamesrvAddr) Option { return nil }
func WithGroupName(group string) Option                       { return nil }

type ExpressionType string

const TAG = ExpressionType("TAG")

type MessageSelector struct {
	Type       ExpressionType
	Expression string
}

type ConsumeResult int

const ConsumeSuccess ConsumeResult = 0

func WithNsResolver(resolver primitive.NsResolver) Option { return nil }
