// Package client stands in for the Dapr Go SDK's client: the publish and
// the service invocations archie reads, on the interface the SDK hands out.
package client

import "context"

type PublishEventOption func()

type DataContent struct {
	Data        []byte
	ContentType string
}

type Client interface {
	InvokeMethod(ctx context.Context, appID, methodName, verb string) (out []byte, err error)
	InvokeMethodWithContent(ctx context.Context, appID, methodName, verb string, content *DataContent) (out []byte, err error)
	InvokeMethodWithCustomContent(ctx context.Context, appID, methodName, verb string, contentType string, content interface{}) (out []byte, err error)
	PublishEvent(ctx context.Context, pubsubName, topicName string, data interface{}, opts ...PublishEventOption) error
	Close()
}

func NewClient() (Client, error) { return nil, nil }
