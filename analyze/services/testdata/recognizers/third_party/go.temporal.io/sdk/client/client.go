// Package client is a stand-in with the API shape archie reads; it does nothing.
package client

import (
	"context"

	"go.temporal.io/sdk/internal"
)

type (
	Options struct {
		HostPort  string
		Namespace string
	}
	StartWorkflowOptions = internal.StartWorkflowOptions
	WorkflowRun          = internal.WorkflowRun
	Client               interface {
		ExecuteWorkflow(ctx context.Context, options StartWorkflowOptions, workflow interface{}, args ...interface{}) (WorkflowRun, error)
		SignalWithStartWorkflow(ctx context.Context, workflowID string, signalName string, signalArg interface{}, options StartWorkflowOptions, workflow interface{}, workflowArgs ...interface{}) (WorkflowRun, error)
		Close()
	}
)

const DefaultHostPort = "localhost:7233"

func Dial(options Options) (Client, error)                             { return nil, nil }
func DialContext(ctx context.Context, options Options) (Client, error) { return nil, nil }
func NewLazyClient(options Options) (Client, error)                    { return nil, nil }
func NewClient(options Options) (Client, error)                        { return nil, nil }
