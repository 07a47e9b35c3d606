// Package producer stands in for rocketmq-client-go's producer options.
package producer

import "github.com/apache/rocketmq-client-go/v2/primitive"

type Option func(*struct{})

func WithNameServer(nameServers primitive.NamesrvAddr) Option { return nil }
func WithGroupName(group string) Option                       { return nil }

func WithNsResolver(resolver primitive.NsResolver) Option { return nil }
