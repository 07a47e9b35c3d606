// Package sql stands in for watermill-sql: its publisher and
// subscriber, called as themselves.
package sql

import (
	"context"

	"github.com/ThreeDotsLabs/watermill/message"
)

type Publisher struct{}

func (p *Publisher) Publish(topic string, msgs ...*message.Message) error { return nil }

type Subscriber struct{}

func (s *Subscriber) Subscribe(ctx context.Context, topic string) (<-chan *message.Message, error) {
	return nil, nil
}

// The executors a handler gets its transaction as (TxFromContext), with
// the method set of v4.
type Result interface{ RowsAffected() (int64, error) }

type Rows interface{ Next() bool }

type ContextExecutor interface {
	ExecContext(ctx context.Context, query string, args ...any) (Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (Rows, error)
}

type Tx interface {
	ContextExecutor
	Rollback() error
	Commit() error
}

func TxFromContext(ctx context.Context) (Tx, bool) { return nil, false }

type Beginner interface {
	ContextExecutor
	BeginTx(ctx context.Context) (Tx, error)
}

// Its publisher and subscriber as made, with the config fields that say
// which tables they use.
type SchemaAdapter interface{ SchemaInitializingQueries(topic string) []string }

type OffsetsAdapter interface{ AckMessageQuery(topic string) string }

type DefaultMySQLSchema struct {
	GenerateMessagesTableName func(topic string) string
}

func (DefaultMySQLSchema) SchemaInitializingQueries(topic string) []string { return nil }

type DefaultMySQLOffsetsAdapter struct{}

func (DefaultMySQLOffsetsAdapter) AckMessageQuery(topic string) string { return "" }

type PostgreSQLQueueOffsetsAdapter struct{}

func (PostgreSQLQueueOffsetsAdapter) AckMessageQuery(topic string) string { return "" }

type PublisherConfig struct {
	SchemaAdapter SchemaAdapter
}

type SubscriberConfig struct {
	SchemaAdapter  SchemaAdapter
	OffsetsAdapter OffsetsAdapter
}

func NewPublisher(db Beginner, config PublisherConfig) (*Publisher, error) { return nil, nil }

func NewSubscriber(db Beginner, config SubscriberConfig) (*Subscriber, error) { return nil, nil }
