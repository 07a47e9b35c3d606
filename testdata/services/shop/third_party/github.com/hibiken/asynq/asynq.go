// Package asynq is a stand-in with the API shape archie recognizes; it does nothing.
package asynq

import "context"

type RedisClientOpt struct{ Addr string }
type Option interface{}
type TaskInfo struct{ ID string }

type Task struct {
	typename string
	payload  []byte
}

func NewTask(typename string, payload []byte, opts ...Option) *Task { return &Task{typename, payload} }

type Client struct{ opt RedisClientOpt }

func NewClient(opt RedisClientOpt) *Client { return &Client{opt} }

func (c *Client) Enqueue(task *Task, opts ...Option) (*TaskInfo, error) { return &TaskInfo{}, nil }

type ServeMux struct {
	h map[string]func(context.Context, *Task) error
}

func NewServeMux() *ServeMux { return &ServeMux{h: map[string]func(context.Context, *Task) error{}} }

func (m *ServeMux) HandleFunc(pattern string, h func(context.Context, *Task) error) { m.h[pattern] = h }
