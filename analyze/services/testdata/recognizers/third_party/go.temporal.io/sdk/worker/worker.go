// Package worker is a stand-in with the API shape archie reads; it does nothing.
package worker

import "go.temporal.io/sdk/client"

type Options struct{ MaxConcurrentActivityExecutionSize int }

type Worker interface {
	RegisterWorkflow(w interface{})
	RegisterActivity(a interface{})
	Run(interruptCh <-chan interface{}) error
}

func New(client client.Client, taskQueue string, options Options) Worker { return nil }

func InterruptCh() <-chan interface{} { return nil }
