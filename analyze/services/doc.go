// Package services is archie's deep model of a system of deployable
// services, read from their code: which services there are, what each one
// serves (gRPC services, HTTP routes), calls (gRPC and HTTP, resolved to
// the service called), publishes and consumes (Kafka, NATS, AMQP, Pub/Sub,
// watermill, asynq) and stores (databases, tables, collections), each fact
// with the evidence it rests on.
//
// Find discovers the services in an analyze.Graph (every main package, or
// what archie.yaml declares). Load type-checks their packages, with
// dependencies from export data, builds them into SSA, walks what each
// service's entry reaches (an RTA-like reachability: static calls,
// functions used as values, and the methods of types converted to
// interfaces), resolves strings through constants, environment keys,
// flags, config files and deployment manifests, and links calls to the
// services that answer them. What a call of each library API means is
// declared in one table, recognizers: a new library is a row there, a
// stand-in and a fixture under testdata/recognizers. The router APIs that
// put routes under a prefix (groups, sub-routers, mounts) are a second
// table, scopes. Generated code named after the API it serves (gRPC's
// Register…Server and clients, connect's New…Handler and New…Client) is
// recognized by its shape. A route's handlers are followed through
// middleware and handler constructors, so that the calls a request runs
// are known. Write and Read are the archie.services/v1 JSON of
// CONTRACT.md §5, which archie check --facts merges.
//
// Types and SSA never leave this package: rules judge its facts, report
// renders them.
package services
