// Package internal is a stand-in with the API shape archie reads; it does nothing.
package internal

import "context"

type StartWorkflowOptions struct {
	ID        string
	TaskQueue string
}

type ActivityOptions struct {
	TaskQueue           string
	StartToCloseTimeout int64
}

type ChildWorkflowOptions struct {
	WorkflowID string
	TaskQueue  string
}

type WorkflowRun interface{ GetID() string }

type Client interface {
	ExecuteWorkflow(ctx context.Context, options StartWorkflowOptions, workflow interface{}, args ...interface{}) (WorkflowRun, error)
	SignalWithStartWorkflow(ctx context.Context, workflowID string, signalName string, signalArg interface{}, options StartWorkflowOptions, workflow interface{}, workflowArgs ...interface{}) (WorkflowRun, error)
	Close()
}

type Context interface {
	Value(key interface{}) interface{}
}
