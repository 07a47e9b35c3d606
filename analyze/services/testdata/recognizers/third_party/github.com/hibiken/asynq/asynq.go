// Package asynq stands in for hibiken/asynq: the API shape archie recognizes, no behaviour.
package asynq

import "context"

type Task struct{}

func NewTask(typename string, payload []byte) *Task { return &Task{} }

type TaskInfo struct{}

type Client struct{}

func NewClient() *Client { return &Client{} }

func (c *Client) Enqueue(task *Task) (*TaskInfo, error)                             { return nil, nil }
func (c *Client) EnqueueContext(ctx context.Context, task *Task) (*TaskInfo, error) { return nil, nil }

type Scheduler struct{}

func NewScheduler() *Scheduler { return &Scheduler{} }

func (s *Scheduler) Register(cronspec string, task *Task) (string, error) { return "", nil }

type Handler interface {
	ProcessTask(context.Context, *Task) error
}

type ServeMux struct{}

func NewServeMux() *ServeMux { return &ServeMux{} }

func (mux *ServeMux) HandleFunc(pattern string, handler func(context.Context, *Task) error) {}
func (mux *ServeMux) Handle(pattern string, handler Handler)                                {}
