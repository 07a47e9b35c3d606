// Package cqrs stands in for watermill's CQRS component: the API shape archie recognizes, no behaviour.
package cqrs

import (
	"context"

	"github.com/ThreeDotsLabs/watermill/message"
)

type GenerateEventPublishTopicParams struct{ EventName string }

type EventBusConfig struct {
	GeneratePublishTopic func(GenerateEventPublishTopicParams) (string, error)
}

type EventBus struct{}

func NewEventBusWithConfig(publisher message.Publisher, config EventBusConfig) (*EventBus, error) {
	return &EventBus{}, nil
}

func NewEventBus(publisher message.Publisher, generateTopic func(eventName string) string, marshaler any) (*EventBus, error) {
	return &EventBus{}, nil
}

func (c EventBus) Publish(ctx context.Context, event any) error { return nil }

type CommandBusGeneratePublishTopicParams struct{ CommandName string }

type CommandBusConfig struct {
	GeneratePublishTopic func(CommandBusGeneratePublishTopicParams) (string, error)
}

type CommandBus struct{}

func NewCommandBusWithConfig(publisher message.Publisher, config CommandBusConfig) (*CommandBus, error) {
	return &CommandBus{}, nil
}

func NewCommandBus(publisher message.Publisher, generateTopic func(commandName string) string, marshaler any) (*CommandBus, error) {
	return &CommandBus{}, nil
}

func (c CommandBus) Send(ctx context.Context, cmd any) error { return nil }

func (c CommandBus) SendWithModifiedMessage(ctx context.Context, cmd any, modify func(*message.Message) error) error {
	return nil
}

type EventHandler interface{ HandlerName() string }

type GroupEventHandler interface{ NewEvent() any }

type CommandHandler interface{ HandlerName() string }

type EventProcessorGenerateSubscribeTopicParams struct{ EventName string }

type EventProcessorConfig struct {
	GenerateSubscribeTopic func(EventProcessorGenerateSubscribeTopicParams) (string, error)
}

type EventProcessor struct{}

func NewEventProcessorWithConfig(router *message.Router, config EventProcessorConfig) (*EventProcessor, error) {
	return &EventProcessor{}, nil
}

func NewEventProcessor(handlers []EventHandler, generateTopic func(eventName string) string, subscriberConstructor, marshaler, logger any) (*EventProcessor, error) {
	return &EventProcessor{}, nil
}

func (p *EventProcessor) AddHandlers(handlers ...EventHandler) error { return nil }

func (p *EventProcessor) AddHandler(handler EventHandler) (*message.Router, error) { return nil, nil }

func (p EventProcessor) AddHandlersToRouter(r *message.Router) error { return nil }

type EventGroupProcessorGenerateSubscribeTopicParams struct{ EventGroupName string }

type EventGroupProcessorConfig struct {
	GenerateSubscribeTopic func(EventGroupProcessorGenerateSubscribeTopicParams) (string, error)
}

type EventGroupProcessor struct{}

func NewEventGroupProcessorWithConfig(router *message.Router, config EventGroupProcessorConfig) (*EventGroupProcessor, error) {
	return &EventGroupProcessor{}, nil
}

func (p *EventGroupProcessor) AddHandlersGroup(groupName string, handlers ...GroupEventHandler) error {
	return nil
}

type CommandProcessorGenerateSubscribeTopicParams struct{ CommandName string }

type CommandProcessorConfig struct {
	GenerateSubscribeTopic func(CommandProcessorGenerateSubscribeTopicParams) (string, error)
}

type CommandProcessor struct{}

func NewCommandProcessorWithConfig(router *message.Router, config CommandProcessorConfig) (*CommandProcessor, error) {
	return &CommandProcessor{}, nil
}

func NewCommandProcessor(handlers []CommandHandler, generateTopic func(commandName string) string, subscriberConstructor, marshaler, logger any) (*CommandProcessor, error) {
	return &CommandProcessor{}, nil
}

func (p *CommandProcessor) AddHandlers(handlers ...CommandHandler) error { return nil }

func (p *CommandProcessor) AddHandler(handler CommandHandler) (*message.Router, error) {
	return nil, nil
}

func (p CommandProcessor) AddHandlersToRouter(r *message.Router) error { return nil }
