// Package workflow is a stand-in with the API shape archie reads; it does nothing.
package workflow

import "go.temporal.io/sdk/internal"

type (
	Context              = internal.Context
	ActivityOptions      = internal.ActivityOptions
	ChildWorkflowOptions = internal.ChildWorkflowOptions
)

type Future interface {
	Get(ctx Context, valuePtr interface{}) error
}

func WithActivityOptions(ctx Context, options ActivityOptions) Context { return ctx }
func WithChildOptions(ctx Context, cwo ChildWorkflowOptions) Context   { return ctx }
func WithTaskQueue(ctx Context, name string) Context                   { return ctx }
func ExecuteActivity(ctx Context, activity interface{}, args ...interface{}) Future {
	return nil
}
func ExecuteChildWorkflow(ctx Context, childWorkflow interface{}, args ...interface{}) Future {
	return nil
}
