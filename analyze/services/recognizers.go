package services

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A recognizer says what a call of one library API means: the fact it
// yields and which of its arguments names the route, target, topic, DSN
// or table. The walk looks every call up in recognizers by its callee key;
// a library archie learns is one more row, plus a stand-in and a fixture
// under testdata/recognizers that shows the row at work.
type recognizer struct {
	lib  string // the library, as its module path without major version
	key  string // the API as calleeKey names it; {a,b} stands for either
	fact fact
	// kind is the protocol (http, kafka, nats, …) or the store kind
	// (postgres, mongo, redis, …).
	kind string
	// name is what the fact is about: the route served, the URL or
	// address called, the topic, the DSN or address of a store, the table.
	name operand
	// method is an HTTP method: a route's or a client call's.
	method operand
	// driver names the store kind when the library serves several, as
	// database/sql's driver name does.
	driver operand
	// queue is the queue an AMQP binding binds: what the binding routes
	// goes to the services that consume that queue (bindings).
	queue operand
	// database is the database a table is named in, where the code says
	// (MongoDB's client.Database("shop").Collection("carts")).
	database operand
	// handler is the argument holding a route's handler. A route is
	// served under the prefixes of the router it is registered on
	// (scopes).
	handler int
	// do handles an API a row cannot describe; the other fields are then
	// what do makes of them.
	do func(x *extractor, s *site, r *recognizer)
	// ctx says the row's argument indexes count a leading
	// context.Context that other major versions of the API, under the
	// same key, do not take (go-redis v6 and v7 against v8, pgx v3
	// against v4): a call without it is read as if it had one.
	ctx bool
}

// A fact is what a recognized call tells about its service.
type fact int

const (
	serves    fact = iota + 1 // serves an HTTP route
	calls                     // calls over HTTP
	dials                     // connects to an address (gRPC, TCP): only literal addresses matter
	publishes                 // publishes to a topic, subject, exchange or task type
	consumes                  // consumes one
	opens                     // opens a database or cache
	names                     // names a table or collection
	takesSQL                  // takes SQL, whose strings name tables; its key is a prefix
	connects                  // connects to a message broker at an address
)

var factNames = [...]string{serves: "endpoint", calls: "call", dials: "dial", publishes: "publish", consumes: "consume", opens: "store", names: "table", takesSQL: "sql", connects: "broker"}

func (f fact) String() string { return factNames[f] }

// An operand says where a call keeps a value, and how to read it.
type operand struct {
	how    source
	i      int    // the argument, counted without the receiver; recv for the receiver
	j      int    // fromExchange: the argument holding the routing key; fromMaker: the maker's argument
	field  string // fromField, fromConfField
	maker  string // fromMaker: the callee key of the call that made the argument
	prefix string // put before each value ("project " for a Firestore project ID)
	// or is read when this operand gives nothing: a Kafka writer without
	// a topic sends each message to its own.
	or *operand
}

// recv as an argument index is the value a method is called on.
const recv = -1

// A source is a way of reading an operand.
type source int

const (
	none            source = iota
	fromArg                // the strings the argument may hold
	fromField              // a string field of the struct the argument is or points to
	fromConfField          // the same, or the field of a go-zero config struct loaded from a file
	fromElems              // the elements of a []string argument
	fromMaker              // the first argument of the call that made the argument: client.Topic("orders")
	fromMakerField         // a field of an argument of the call that made it: NewWriter(WriterConfig{Topic: …})
	fromExchange           // an AMQP exchange (argument i) and routing key (argument j), as "exchange/key"
	fromModel              // the table of a gorm model argument
	fromModels             // the tables of the models a ...any argument holds (AutoMigrate)
	fromSnakeModel         // the table of a beego or xorm model argument: TableName(), else its type's name in snake case
	fromSnakeModels        // the tables of the xorm beans a ...any argument holds (Insert(&a, &b))
	fromCalledName         // the name of the method called, as an HTTP method: Get, POST, PostForm
	fromElemField          // a string field of the elements of a slice argument (each message's Topic), or an argument of the call that made one
	fromFieldElems         // a []string field of the struct the argument is: a reader's GroupTopics
	fromText               // a text of the row's own: a reverse proxy's any method, *
	fromMapKeys            // the keys of a map argument: an MQTT client's filters
)

func arg(i int) operand                 { return operand{how: fromArg, i: i} }
func text(s string) operand             { return operand{how: fromText, field: s} }
func field(i int, f string) operand     { return operand{how: fromField, i: i, field: f} }
func confField(i int, f string) operand { return operand{how: fromConfField, i: i, field: f} }
func elems(i int) operand               { return operand{how: fromElems, i: i} }
func madeBy(i int, key string) operand  { return operand{how: fromMaker, i: i, maker: key} }
func madeByArg(i int, key string, j int) operand {
	return operand{how: fromMaker, i: i, maker: key, j: j}
}
func madeByField(i int, key string, j int, f string) operand {
	return operand{how: fromMakerField, i: i, maker: key, j: j, field: f}
}

// madeByReturns reads what the function argument j of the call to key
// that made argument i returns, or the function its field f holds.
func madeByReturns(i int, key string, j int, f string) operand {
	return operand{how: fromMakerField, i: i, maker: key, j: j, field: funcReturns + f}
}
func exchange(i int) operand            { return operand{how: fromExchange, i: i, j: i + 1} }
func binding(key, exchange int) operand { return operand{how: fromExchange, i: exchange, j: key} }
func model(i int) operand               { return operand{how: fromModel, i: i} }
func models(i int) operand              { return operand{how: fromModels, i: i} }
func snakeModel(i int) operand          { return operand{how: fromSnakeModel, i: i} }
func snakeModels(i int) operand         { return operand{how: fromSnakeModels, i: i} }
func project(i int) operand             { return operand{how: fromArg, i: i, prefix: "project "} }
func calledName() operand               { return operand{how: fromCalledName} }
func elemField(i int, f string) operand { return operand{how: fromElemField, i: i, field: f} }
func mapKeys(i int) operand             { return operand{how: fromMapKeys, i: i} }

// elemFieldOrMade reads each element's field f, or argument j of the
// call to maker that made it: a message written out, or made by
// primitive.NewMessage(topic, body).
func elemFieldOrMade(i int, f, maker string, j int) operand {
	return operand{how: fromElemField, i: i, field: f, maker: maker, j: j}
}
func fieldElems(i int, f string) operand {
	return operand{how: fromFieldElems, i: i, field: f}
}

// natsNewMsg makes a message of the subject it is given:
// nats.NewMsg(subject), whose Subject a publish of it sends to.
const natsNewMsg = "github.com/nats-io/nats.go.NewMsg"

// orElse is o, or else when o gives nothing.
func (o operand) orElse(alt operand) operand { o.or = &alt; return o }

// recognizers is every library API archie knows, by library. gRPC's
// generated clients and Register…Server functions are recognized apart,
// by their shape: their names are the services', not a library's.
var recognizers = []*recognizer{
	// HTTP clients. A client's method is kept as written: net/http sends
	// "get" as it is.
	{lib: "net/http", key: "net/http.{Get,Head,Post,PostForm}", fact: calls, kind: "http", method: calledName(), name: arg(0)},
	{lib: "net/http", key: "net/http.Client.{Get,Head,Post,PostForm}", fact: calls, kind: "http", method: calledName(), name: arg(0)},
	{lib: "net/http", key: "net/http.NewRequest", fact: calls, kind: "http", method: arg(0), name: arg(1)},
	{lib: "net/http", key: "net/http.NewRequestWithContext", fact: calls, kind: "http", method: arg(1), name: arg(2)},
	// A reverse proxy forwards what it serves to its target: an API
	// gateway's call of the service behind it, whatever the method.
	{lib: "net/http", key: "net/http/httputil.NewSingleHostReverseProxy", fact: calls, kind: "http", method: text("*"), name: arg(0), do: (*extractor).proxyCall},
	{lib: "net/http", key: "net/http/httputil.ProxyRequest.SetURL", fact: calls, kind: "http", method: text("*"), name: arg(0), do: (*extractor).proxyCall},
	// go-kit's gRPC transport names the proto service and method as
	// strings; the call happens when the client's endpoint is invoked.
	{lib: "github.com/go-kit/kit", key: "github.com/go-kit/kit/transport/grpc.NewClient", fact: calls, kind: "grpc", name: arg(1), method: arg(2), do: (*extractor).namedGRPCCall},
	// A path is sent under the client's SetBaseURL. resty v3's module path
	// is its own.
	{lib: "github.com/go-resty/resty", key: "github.com/go-resty/resty.Request.{Get,Post,Put,Delete,Patch}", fact: calls, kind: "http", method: calledName(), name: arg(0), do: (*extractor).restyCall},
	{lib: "github.com/go-resty/resty", key: "github.com/go-resty/resty.Request.Execute", fact: calls, kind: "http", method: arg(0), name: arg(1), do: (*extractor).restyCall},
	{lib: "resty.dev", key: "resty.dev.Request.{Get,Post,Put,Delete,Patch}", fact: calls, kind: "http", method: calledName(), name: arg(0), do: (*extractor).restyCall},
	{lib: "resty.dev", key: "resty.dev.Request.Execute", fact: calls, kind: "http", method: arg(0), name: arg(1), do: (*extractor).restyCall},
	{lib: "github.com/go-openapi/runtime", key: "github.com/go-openapi/runtime.ClientTransport.Submit", fact: calls, kind: "http", method: field(0, "Method"), name: field(0, "PathPattern"), do: (*extractor).swaggerSubmit},

	// net/rpc: a client calls "Service.Method" at the address it was
	// dialled with (gob over TCP or HTTP, or JSON-RPC).
	{lib: "net/rpc", key: "net/rpc.Client.{Call,Go}", fact: calls, kind: "rpc", method: arg(0), name: madeByArg(recv, "net/rpc.Dial", 1).orElse(madeByArg(recv, "net/rpc.DialHTTP", 1).orElse(madeByArg(recv, "net/rpc.DialHTTPPath", 1).orElse(madeByArg(recv, "net/rpc/jsonrpc.Dial", 1))))},
	// Mail goes through the SMTP relay a sender is given: gomail's and
	// go-mail's host, net/smtp's and jordan-wright/email's host:port.
	{lib: "net/smtp", key: "net/smtp.{SendMail,Dial}", fact: calls, kind: "smtp", name: arg(0)},
	{lib: "gopkg.in/gomail.v2", key: "gopkg.in/gomail.v2.{NewDialer,NewPlainDialer}", fact: calls, kind: "smtp", name: arg(0)},
	{lib: "github.com/wneessen/go-mail", key: "github.com/wneessen/go-mail.NewClient", fact: calls, kind: "smtp", name: arg(0)},
	{lib: "github.com/jordan-wright/email", key: "github.com/jordan-wright/email.Email.{Send,SendWithTLS,SendWithStartTLS}", fact: calls, kind: "smtp", name: arg(0)},
	// An S3-compatible object store, at the endpoint MinIO's client is
	// made with (host:port).
	{lib: "github.com/minio/minio-go", key: "github.com/minio/minio-go.New", fact: calls, kind: "s3", name: arg(0)},

	// Dials: the address matters when it is a literal.
	{lib: "google.golang.org/grpc", key: "google.golang.org/grpc.{Dial,NewClient}", fact: dials, name: arg(0)},
	{lib: "google.golang.org/grpc", key: "google.golang.org/grpc.DialContext", fact: dials, name: arg(1)},
	{lib: "net", key: "net.{Dial,DialTimeout}", fact: dials, name: arg(1)},

	// HTTP routes. A route's method is upper-cased, as routers match it.
	{lib: "net/http", key: "net/http.{HandleFunc,Handle}", fact: serves, kind: "http", name: arg(0), handler: 1, do: (*extractor).muxPattern},
	{lib: "net/http", key: "net/http.ServeMux.{HandleFunc,Handle}", fact: serves, kind: "http", name: arg(0), handler: 1, do: (*extractor).muxPattern},
	{lib: "github.com/gorilla/mux", key: "github.com/gorilla/mux.Router.{HandleFunc,Handle}", fact: serves, kind: "http", name: arg(0), handler: 1, do: (*extractor).gorillaRoute},
	{lib: "github.com/gorilla/mux", key: "github.com/gorilla/mux.Route.{Handler,HandlerFunc}", fact: serves, kind: "http", handler: 0, do: (*extractor).gorillaHandler},
	{lib: "github.com/go-chi/chi", key: "github.com/go-chi/chi.{Router,Mux}.{Handle,HandleFunc}", fact: serves, kind: "http", name: arg(0), handler: 1},
	{lib: "github.com/go-chi/chi", key: "github.com/go-chi/chi.{Router,Mux}.Mount", fact: serves, kind: "http", name: arg(0), handler: 1, do: (*extractor).chiMount},
	{lib: "github.com/go-chi/chi", key: "github.com/go-chi/chi.{Router,Mux}.{Method,MethodFunc}", fact: serves, kind: "http", method: arg(0), name: arg(1), handler: 2},
	{lib: "github.com/go-chi/chi", key: "github.com/go-chi/chi.{Router,Mux}.{Get,Post,Put,Delete,Patch,Head,Options,Connect,Trace}", fact: serves, kind: "http", method: calledName(), name: arg(0), handler: 1},
	{lib: "github.com/julienschmidt/httprouter", key: "github.com/julienschmidt/httprouter.Router.{GET,POST,PUT,DELETE,PATCH,HEAD,OPTIONS}", fact: serves, kind: "http", method: calledName(), name: arg(0), handler: 1},
	{lib: "github.com/julienschmidt/httprouter", key: "github.com/julienschmidt/httprouter.Router.{Handle,Handler,HandlerFunc}", fact: serves, kind: "http", method: arg(0), name: arg(1), handler: 2},
	{lib: "github.com/gin-gonic/gin", key: "github.com/gin-gonic/gin.{RouterGroup,IRoutes,IRouter}.{GET,POST,PUT,DELETE,PATCH,HEAD,OPTIONS}", fact: serves, kind: "http", method: calledName(), name: arg(0), handler: 1},
	{lib: "github.com/gin-gonic/gin", key: "github.com/gin-gonic/gin.{RouterGroup,IRoutes,IRouter}.Any", fact: serves, kind: "http", name: arg(0), handler: 1},
	// Match serves one path for several methods: served as Any is.
	{lib: "github.com/gin-gonic/gin", key: "github.com/gin-gonic/gin.{RouterGroup,IRoutes,IRouter}.Match", fact: serves, kind: "http", name: arg(1), handler: 2},
	{lib: "github.com/gin-gonic/gin", key: "github.com/gin-gonic/gin.{RouterGroup,IRoutes,IRouter}.Handle", fact: serves, kind: "http", method: arg(0), name: arg(1), handler: 2},
	// Hertz (CloudWeGo): gin's shape; server.Hertz embeds its route.Engine,
	// which embeds a RouterGroup.
	{lib: "github.com/cloudwego/hertz", key: "github.com/cloudwego/hertz/pkg/route.{RouterGroup,IRoutes,IRouter}.{GET,POST,PUT,DELETE,PATCH,HEAD,OPTIONS}", fact: serves, kind: "http", method: calledName(), name: arg(0), handler: 1},
	{lib: "github.com/cloudwego/hertz", key: "github.com/cloudwego/hertz/pkg/route.{RouterGroup,IRoutes,IRouter}.Any", fact: serves, kind: "http", name: arg(0), handler: 1},
	{lib: "github.com/cloudwego/hertz", key: "github.com/cloudwego/hertz/pkg/route.{RouterGroup,IRoutes,IRouter}.Handle", fact: serves, kind: "http", method: arg(0), name: arg(1), handler: 2},
	// fiber: an App's own methods, and a group's through the Router
	// interface App.Group hands back.
	{lib: "github.com/gofiber/fiber", key: "github.com/gofiber/fiber.{App,Router}.{Get,Post,Put,Delete,Patch,Head,Options,Connect,Trace}", fact: serves, kind: "http", method: calledName(), name: arg(0), handler: 1},
	{lib: "github.com/gofiber/fiber", key: "github.com/gofiber/fiber.{App,Router}.All", fact: serves, kind: "http", name: arg(0), handler: 1},
	{lib: "github.com/gofiber/fiber", key: "github.com/gofiber/fiber.{App,Router}.Add", fact: serves, kind: "http", method: arg(0), name: arg(1), handler: 2},
	{lib: "github.com/labstack/echo", key: "github.com/labstack/echo.{Echo,Group}.{GET,POST,PUT,DELETE,PATCH,HEAD,OPTIONS,CONNECT,TRACE}", fact: serves, kind: "http", method: calledName(), name: arg(0), handler: 1},
	{lib: "github.com/labstack/echo", key: "github.com/labstack/echo.{Echo,Group}.Match", fact: serves, kind: "http", name: arg(1), handler: 2},
	{lib: "github.com/labstack/echo", key: "github.com/labstack/echo.{Echo,Group}.Any", fact: serves, kind: "http", name: arg(0), handler: 1},
	{lib: "github.com/labstack/echo", key: "github.com/labstack/echo.{Echo,Group}.Add", fact: serves, kind: "http", method: arg(0), name: arg(1), handler: 2},
	{lib: "github.com/zeromicro/go-zero", key: "github.com/zeromicro/go-zero/rest.Server.{AddRoutes,AddRoute}", fact: serves, kind: "http", do: (*extractor).gozeroRoutes},
	{lib: "github.com/grpc-ecosystem/grpc-gateway", key: "github.com/grpc-ecosystem/grpc-gateway/runtime.ServeMux.Handle", fact: serves, kind: "http", method: arg(0), handler: 2, do: (*extractor).gatewayRoute},
	{lib: "github.com/grpc-ecosystem/grpc-gateway", key: "github.com/grpc-ecosystem/grpc-gateway/runtime.ServeMux.HandlePath", fact: serves, kind: "http", method: arg(0), name: arg(1), handler: 2},
	{lib: "github.com/go-kratos/kratos", key: "github.com/go-kratos/kratos/transport/http.Router.{GET,POST,PUT,DELETE,PATCH,HEAD,OPTIONS,CONNECT,TRACE}", fact: serves, kind: "http", method: calledName(), name: arg(0), handler: 1},
	{lib: "github.com/go-kratos/kratos", key: "github.com/go-kratos/kratos/transport/http.Router.Handle", fact: serves, kind: "http", method: arg(0), name: arg(1), handler: 2},
	{lib: "github.com/go-kratos/kratos", key: "github.com/go-kratos/kratos/transport/http.Server.{Handle,HandleFunc}", fact: serves, kind: "http", name: arg(0), handler: 1},
	{lib: "github.com/go-kratos/kratos", key: "github.com/go-kratos/kratos/transport/http.Server.HandlePrefix", fact: serves, kind: "http", name: arg(0), handler: 1, do: (*extractor).prefixRoute},

	// Stores opened.
	{lib: "database/sql", key: "database/sql.Open", fact: opens, driver: arg(0), name: arg(1)},
	// database/sql's Open, wrapped with instrumentation or by ent.
	{lib: "github.com/XSAM/otelsql", key: "github.com/XSAM/otelsql.Open", fact: opens, driver: arg(0), name: arg(1)},
	{lib: "entgo.io/ent", key: "entgo.io/ent/dialect/sql.Open", fact: opens, driver: arg(0), name: arg(1)},
	// ent's generated code names its tables in the specs it builds; the
	// older literals are read by entSpecTable.
	{lib: "entgo.io/ent", key: "entgo.io/ent/dialect/sql/sqlgraph.{NewQuerySpec,NewCreateSpec,NewUpdateSpec,NewDeleteSpec}", fact: names, kind: "sql", name: arg(0)},
	{lib: "github.com/jmoiron/sqlx", key: "github.com/jmoiron/sqlx.{Open,Connect,MustConnect,MustOpen}", fact: opens, driver: arg(0), name: arg(1)},
	// pgx v4 and v5: Connect(ctx, dsn). (v3's Connect
	// takes a ConnConfig, and no context.)
	{lib: "github.com/jackc/pgx", key: "github.com/jackc/pgx.Connect", fact: opens, kind: "postgres", name: arg(1), ctx: true},
	{lib: "github.com/jackc/pgx", key: "github.com/jackc/pgx/pgxpool.{New,Connect}", fact: opens, kind: "postgres", name: arg(1)},
	// A config parsed from a DSN opens nothing until a connect is handed
	// it: ConnectConfig(ctx, cfg), NewWithConfig(ctx, cfg), with the DSN
	// of the ParseConfig that made cfg. (Code that only parses a DSN, to
	// read its host, opens no store.)
	{lib: "github.com/jackc/pgx", key: "github.com/jackc/pgx.ConnectConfig", fact: opens, kind: "postgres", name: madeByArg(1, "github.com/jackc/pgx.ParseConfig", 0)},
	{lib: "github.com/jackc/pgx", key: "github.com/jackc/pgx/pgxpool.{ConnectConfig,NewWithConfig}", fact: opens, kind: "postgres", name: madeByArg(1, "github.com/jackc/pgx/pgxpool.ParseConfig", 0)},
	{lib: "gorm.io/gorm", key: "gorm.io/gorm.Open", fact: opens, do: (*extractor).gormOpen},
	{lib: "github.com/jinzhu/gorm", key: "github.com/jinzhu/gorm.Open", fact: opens, driver: arg(0), name: arg(1), do: (*extractor).gormOpen},
	{lib: "github.com/beego/beego", key: "github.com/beego/beego/client/orm.RegisterDataBase", fact: opens, driver: arg(1), name: arg(2)},
	{lib: "github.com/astaxie/beego", key: "github.com/astaxie/beego/orm.RegisterDataBase", fact: opens, driver: arg(1), name: arg(2)},
	{lib: "github.com/zeromicro/go-zero", key: "github.com/zeromicro/go-zero/core/stores/sqlx.NewMysql", fact: opens, kind: "mysql", name: arg(0)},
	{lib: "github.com/zeromicro/go-zero", key: "github.com/zeromicro/go-zero/core/stores/sqlx.NewSqlConn", fact: opens, driver: arg(0), name: arg(1)},
	{lib: "go.mongodb.org/mongo-driver", key: "go.mongodb.org/mongo-driver/mongo.{Connect,NewClient}", fact: opens, kind: "mongo", do: (*extractor).mongoConnect},
	// Elasticsearch: its indices are the store's tables. olivere/elastic
	// names one on each service it builds; go-elasticsearch on each
	// request struct (its client's methods are function values).
	{lib: "github.com/olivere/elastic", key: "github.com/olivere/elastic.{NewClient,NewSimpleClient}", fact: opens, kind: "elasticsearch", name: madeByArg(0, "github.com/olivere/elastic.SetURL", 0)},
	{lib: "github.com/olivere/elastic", key: "github.com/olivere/elastic.{IndexService,UpdateService,GetService,DeleteService,SearchService}.Index", fact: names, kind: "elasticsearch", name: arg(0)},
	{lib: "github.com/olivere/elastic", key: "github.com/olivere/elastic.Client.{Search,CreateIndex,DeleteIndex,IndexExists}", fact: names, kind: "elasticsearch", name: arg(0)},
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch.NewClient", fact: opens, kind: "elasticsearch", name: fieldElems(0, "Addresses")},
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch.NewDefaultClient", fact: opens, kind: "elasticsearch", do: (*extractor).esDefaultClient},
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch/esapi.{IndexRequest,GetRequest,DeleteRequest,UpdateRequest}.Do", fact: names, kind: "elasticsearch", name: field(recv, "Index")},
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch/esapi.SearchRequest.Do", fact: names, kind: "elasticsearch", name: fieldElems(recv, "Index")},
	// The client's methods are values of esapi's function types:
	// es.Index("posts", body), es.Search(es.Search.WithIndex("posts")).
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch/esapi.{Index,Create,Update,Delete,Get,Exists}", fact: names, kind: "elasticsearch", name: arg(0)},
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch/esapi.{Search,Count}.WithIndex", fact: names, kind: "elasticsearch", name: elems(0)},
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch/esapi.{DeleteByQuery,UpdateByQuery}", fact: names, kind: "elasticsearch", name: elems(0)},
	// The typed client (v8 on) builds each request with its index:
	// tc.Index("posts").Request(doc).Do(ctx), tc.Search().Index("posts").
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch.NewTypedClient", fact: opens, kind: "elasticsearch", name: fieldElems(0, "Addresses")},
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch/typedapi.MethodAPI.{Index,Create,Update,Delete,Get,Exists}", fact: names, kind: "elasticsearch", name: arg(0)},
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch/typedapi/core/search.Search.Index", fact: names, kind: "elasticsearch", name: arg(0)},
	{lib: "github.com/elastic/go-elasticsearch", key: "github.com/elastic/go-elasticsearch/typedapi/core/count.Count.Index", fact: names, kind: "elasticsearch", name: arg(0)},
	// go-pg: its options' address and database, or a URL (pgConnect); a
	// model names its table by its tableName field's pg tag (sql before
	// v9), else by its type's name in snake case, plural, unless the
	// code sets its own inflector (pgNaming).
	{lib: "github.com/go-pg/pg", key: "github.com/go-pg/pg.Connect", fact: opens, kind: "postgres", name: madeByArg(0, "github.com/go-pg/pg.ParseURL", 0), do: (*extractor).pgConnect},
	{lib: "github.com/go-pg/pg", key: "github.com/go-pg/pg.{baseDB,Tx,DBI}.Model", fact: names, kind: "sql", name: models(0)},
	{lib: "github.com/go-pg/pg", key: "github.com/go-pg/pg.{baseDB,Tx,DBI}.ModelContext", fact: names, kind: "sql", name: models(1)},
	{lib: "github.com/go-pg/pg", key: "github.com/go-pg/pg/orm.DB.Model", fact: names, kind: "sql", name: models(0)},
	{lib: "github.com/go-pg/pg", key: "github.com/go-pg/pg/orm.DB.ModelContext", fact: names, kind: "sql", name: models(1)},
	{lib: "github.com/go-pg/pg", key: "github.com/go-pg/pg/orm.Query.Table", fact: names, kind: "sql", name: elems(0)},
	// ClickHouse's native client: the DSN its options were parsed from,
	// or its first address and database (clickhouseOpen); OpenDB hands
	// the same to database/sql.
	{lib: "github.com/ClickHouse/clickhouse-go", key: "github.com/ClickHouse/clickhouse-go.{Open,OpenDB}", fact: opens, kind: "clickhouse", name: madeByArg(0, "github.com/ClickHouse/clickhouse-go.ParseDSN", 0), do: (*extractor).clickhouseOpen},
	// Options written out, or parsed from a URL: redis.ParseURL(os.Getenv("REDIS_URL")).
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.NewClient", fact: opens, kind: "redis", name: madeByArg(0, "github.com/redis/go-redis.ParseURL", 0).orElse(field(0, "Addr"))},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.NewClient", fact: opens, kind: "redis", name: madeByArg(0, "github.com/go-redis/redis.ParseURL", 0).orElse(field(0, "Addr"))},
	// A cluster is named by its first seed node. (A failover client is not
	// named: its sentinels serve several masters, its master name is
	// "mymaster" in many unrelated deployments.)
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{NewClusterClient,NewUniversalClient}", fact: opens, kind: "redis", name: fieldElems(0, "Addrs")},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{NewClusterClient,NewUniversalClient}", fact: opens, kind: "redis", name: fieldElems(0, "Addrs")},
	{lib: "github.com/zeromicro/go-zero", key: "github.com/zeromicro/go-zero/core/stores/redis.New", fact: opens, kind: "redis", name: arg(0)},
	// Since go-zero 1.4 these take a RedisConf, from the service's config file.
	{lib: "github.com/zeromicro/go-zero", key: "github.com/zeromicro/go-zero/core/stores/redis.{MustNewRedis,NewRedis}", fact: opens, kind: "redis", name: confField(0, "Host")},
	{lib: "cloud.google.com/go/firestore", key: "cloud.google.com/go/firestore.NewClient", fact: opens, kind: "firestore", name: project(1)},
	{lib: "github.com/gocql/gocql", key: "github.com/gocql/gocql.NewCluster", fact: opens, kind: "cassandra", name: elems(0)},
	// DynamoDB, through the AWS SDK (v2, and v1 whose calls take no
	// context unless named …WithContext): each request names its table.
	{lib: "github.com/aws/aws-sdk-go-v2/service/dynamodb", key: "github.com/aws/aws-sdk-go-v2/service/dynamodb.{New,NewFromConfig}", fact: opens, kind: "dynamodb"},
	// HBase through gohbase: a request names its table (hrpc.NewPutStr(ctx,
	// "feed", row, values)); Put, Delete, Append and Increment write it.
	{lib: "github.com/tsuna/gohbase", key: "github.com/tsuna/gohbase.NewClient", fact: opens, kind: "hbase", name: arg(0)},
	{lib: "github.com/tsuna/gohbase", key: "github.com/tsuna/gohbase/hrpc.{NewGet,NewGetStr,NewPut,NewPutStr,NewDel,NewDelStr,NewApp,NewAppStr,NewInc,NewIncStr,NewIncSingle,NewIncStrSingle,NewScan,NewScanStr,NewScanRange,NewScanRangeStr}", fact: names, kind: "hbase", name: arg(1)},
	{lib: "github.com/aws/aws-sdk-go-v2/service/dynamodb", key: "github.com/aws/aws-sdk-go-v2/service/dynamodb.Client.{GetItem,PutItem,UpdateItem,DeleteItem,Query,Scan}", fact: names, kind: "dynamodb", name: field(1, "TableName")},
	{lib: "github.com/aws/aws-sdk-go", key: "github.com/aws/aws-sdk-go/service/dynamodb.New", fact: opens, kind: "dynamodb"},
	{lib: "github.com/aws/aws-sdk-go", key: "github.com/aws/aws-sdk-go/service/dynamodb.DynamoDB.{GetItem,PutItem,UpdateItem,DeleteItem,Query,Scan}", fact: names, kind: "dynamodb", name: field(0, "TableName")},
	{lib: "github.com/aws/aws-sdk-go", key: "github.com/aws/aws-sdk-go/service/dynamodb.DynamoDB.{GetItemWithContext,PutItemWithContext,UpdateItemWithContext,DeleteItemWithContext,QueryWithContext,ScanWithContext}", fact: names, kind: "dynamodb", name: field(1, "TableName")},

	// Tables and collections named.
	{lib: "go.mongodb.org/mongo-driver", key: "go.mongodb.org/mongo-driver/mongo.Database.Collection", fact: names, kind: "mongo", name: arg(0), database: madeByArg(recv, "go.mongodb.org/mongo-driver/mongo.Client.Database", 0)},
	{lib: "cloud.google.com/go/firestore", key: "cloud.google.com/go/firestore.Client.Collection", fact: names, kind: "firestore", name: arg(0)},
	{lib: "go.mongodb.org/mongo-driver", key: "go.mongodb.org/mongo-driver/mongo.Collection.{InsertOne,InsertMany,UpdateOne,UpdateMany,UpdateByID,ReplaceOne,DeleteOne,DeleteMany,FindOneAndUpdate,FindOneAndReplace,FindOneAndDelete,BulkWrite}", fact: names, kind: "mongo", name: madeBy(recv, "go.mongodb.org/mongo-driver/mongo.Database.Collection")},
	{lib: "gorm.io/gorm", key: "gorm.io/gorm.DB.Table", fact: names, kind: "sql", name: arg(0)},
	// squirrel's builders, as goctl's models use them.
	{lib: "github.com/Masterminds/squirrel", key: "github.com/Masterminds/squirrel.{SelectBuilder,DeleteBuilder}.From", fact: names, kind: "sql", name: arg(0)},
	{lib: "github.com/Masterminds/squirrel", key: "github.com/Masterminds/squirrel.{Insert,Update,Delete}", fact: names, kind: "sql", name: arg(0)},
	{lib: "github.com/jinzhu/gorm", key: "github.com/jinzhu/gorm.DB.Table", fact: names, kind: "sql", name: arg(0)},
	// goqu's datasets name their tables.
	{lib: "github.com/doug-martin/goqu", key: "github.com/doug-martin/goqu.From", fact: names, kind: "sql", name: elems(0)},
	{lib: "github.com/doug-martin/goqu", key: "github.com/doug-martin/goqu.{Insert,Update,Delete}", fact: names, kind: "sql", name: arg(0)},
	{lib: "github.com/doug-martin/goqu", key: "github.com/doug-martin/goqu.{Database,TxDatabase,DialectWrapper,SelectDataset}.From", fact: names, kind: "sql", name: elems(0)},
	{lib: "github.com/doug-martin/goqu", key: "github.com/doug-martin/goqu.{Database,TxDatabase,DialectWrapper}.{Insert,Update,Delete}", fact: names, kind: "sql", name: arg(0)},
	// upper/db's sessions and query builder.
	{lib: "github.com/upper/db", key: "github.com/upper/db.Session.Collection", fact: names, kind: "sql", name: arg(0)},
	{lib: "github.com/upper/db", key: "github.com/upper/db.SQL.{InsertInto,Update,DeleteFrom}", fact: names, kind: "sql", name: arg(0)},
	{lib: "github.com/upper/db", key: "github.com/upper/db.SQL.SelectFrom", fact: names, kind: "sql", name: elems(0)},
	{lib: "github.com/upper/db", key: "github.com/upper/db.Selector.From", fact: names, kind: "sql", name: elems(0)},
	{lib: "gorm.io/gorm", key: "gorm.io/gorm.DB.{Model,Create,Save,Find,First,Last,Take,Delete,FirstOrCreate,Updates}", fact: names, kind: "sql", name: model(0)},
	{lib: "gorm.io/gorm", key: "gorm.io/gorm.DB.AutoMigrate", fact: names, kind: "sql", name: models(0)},
	{lib: "gorm.io/gorm", key: "gorm.io/gorm.Migrator.{AutoMigrate,CreateTable,DropTable}", fact: names, kind: "sql", name: models(0)},
	// jinzhu/gorm (v1) names a model's table as v2 does by default.
	{lib: "github.com/jinzhu/gorm", key: "github.com/jinzhu/gorm.DB.{Model,Create,Save,Find,First,Last,Take,Delete,FirstOrCreate,FirstOrInit,Updates}", fact: names, kind: "sql", name: model(0)},
	{lib: "github.com/jinzhu/gorm", key: "github.com/jinzhu/gorm.DB.{AutoMigrate,CreateTable,DropTable,DropTableIfExists}", fact: names, kind: "sql", name: models(0)},
	{lib: "github.com/jinzhu/gorm", key: "github.com/jinzhu/gorm.DB.{Raw,Exec}", fact: takesSQL},
	// gorm's generic API (gorm.G[Order](db).Create(ctx, &o)): the model
	// is the interface's type argument.
	{lib: "gorm.io/gorm", key: "gorm.io/gorm.{Interface,CreateInterface}.{Create,CreateInBatches}", fact: names, kind: "sql", do: (*extractor).gormGeneric},
	{lib: "gorm.io/gorm", key: "gorm.io/gorm.{Interface,CreateInterface,ChainInterface}.{Delete,Update,Updates,First,Last,Take,Find,Count}", fact: names, kind: "sql", do: (*extractor).gormGeneric},
	{lib: "gorm.io/gorm", key: "gorm.io/gorm.{Interface,CreateInterface,ChainInterface}.Table", fact: names, kind: "sql", name: arg(0)},
	// beego's ORM names a model's table by its TableName(), else by its
	// type's name in snake case; QueryTable takes a model or a name.
	// harbor calls it through its QueryExecutor; the context variants
	// take the model second.
	{lib: "github.com/beego/beego", key: "github.com/beego/beego/client/orm.{Ormer,QueryExecutor,TxOrmer}.{Read,ReadForUpdate,ReadOrCreate,LoadRelated,Insert,InsertOrUpdate,Update,Delete}", fact: names, kind: "sql", name: snakeModel(0)},
	{lib: "github.com/beego/beego", key: "github.com/beego/beego/client/orm.{Ormer,QueryExecutor,TxOrmer}.{ReadWithCtx,ReadForUpdateWithCtx,ReadOrCreateWithCtx,LoadRelatedWithCtx,InsertWithCtx,InsertOrUpdateWithCtx,UpdateWithCtx,DeleteWithCtx,InsertMulti}", fact: names, kind: "sql", name: snakeModel(1)},
	{lib: "github.com/beego/beego", key: "github.com/beego/beego/client/orm.{Ormer,QueryExecutor,TxOrmer}.InsertMultiWithCtx", fact: names, kind: "sql", name: snakeModel(2)},
	{lib: "github.com/beego/beego", key: "github.com/beego/beego/client/orm.{Ormer,QueryExecutor,TxOrmer}.QueryTable", fact: names, kind: "sql", name: snakeModel(0).orElse(arg(0))},
	{lib: "github.com/beego/beego", key: "github.com/beego/beego/client/orm.{Ormer,QueryExecutor,TxOrmer}.QueryTableWithCtx", fact: names, kind: "sql", name: snakeModel(1).orElse(arg(1))},
	{lib: "github.com/astaxie/beego", key: "github.com/astaxie/beego/orm.Ormer.{Read,ReadForUpdate,ReadOrCreate,LoadRelated,Insert,InsertOrUpdate,Update,Delete}", fact: names, kind: "sql", name: snakeModel(0)},
	{lib: "github.com/astaxie/beego", key: "github.com/astaxie/beego/orm.Ormer.InsertMulti", fact: names, kind: "sql", name: snakeModel(1)},
	{lib: "github.com/astaxie/beego", key: "github.com/astaxie/beego/orm.Ormer.QueryTable", fact: names, kind: "sql", name: snakeModel(0).orElse(arg(0))},
	// bun's queries name their model's table: its bun:"table:…" tag, or
	// bun's default.
	{lib: "github.com/uptrace/bun", key: "github.com/uptrace/bun.{InsertQuery,SelectQuery,UpdateQuery,DeleteQuery}.Model", fact: names, kind: "sql", name: model(0)},
	// xorm names a bean's table by its TableName(), else by the engine's
	// mapper (xormNaming). Most calls take beans as a ...any; Table takes
	// a bean or a name, and a query it names reads its rows into
	// structs that are no beans (tableChained).
	{lib: "xorm.io/xorm", key: "xorm.io/xorm.NewEngine", fact: opens, driver: arg(0), name: arg(1)},
	{lib: "xorm.io/xorm", key: "xorm.io/xorm.{Engine,Session,Interface,EngineInterface}.{Insert,Get,Delete,Exist,Count,Truncate}", fact: names, kind: "sql", name: snakeModels(0)},
	{lib: "xorm.io/xorm", key: "xorm.io/xorm.{Engine,Session,Interface,EngineInterface}.{InsertOne,Update,Find,FindAndCount,Iterate,Rows,Sum,SumInt,Sums,SumsInt}", fact: names, kind: "sql", name: snakeModel(0)},
	{lib: "xorm.io/xorm", key: "xorm.io/xorm.{Engine,Session,Interface,EngineInterface}.Table", fact: names, kind: "sql", name: snakeModel(0).orElse(arg(0))},
	{lib: "xorm.io/xorm", key: "xorm.io/xorm.{Engine,Session,EngineInterface}.{Sync,Sync2}", fact: names, kind: "sql", name: snakeModels(0)},
	{lib: "xorm.io/xorm", key: "xorm.io/xorm.{Engine,EngineInterface}.CreateTables", fact: names, kind: "sql", name: snakeModels(0)},
	{lib: "xorm.io/xorm", key: "xorm.io/xorm.Session.CreateTable", fact: names, kind: "sql", name: snakeModel(0)},

	// SQL handed to a database library: any call whose key starts so.
	{lib: "database/sql", key: "database/sql.", fact: takesSQL},
	{lib: "github.com/jmoiron/sqlx", key: "github.com/jmoiron/sqlx.", fact: takesSQL},
	{lib: "github.com/jackc/pgx", key: "github.com/jackc/pgx.", fact: takesSQL},
	{lib: "github.com/jackc/pgx", key: "github.com/jackc/pgx/pgxpool.", fact: takesSQL},
	{lib: "github.com/jackc/pgx", key: "github.com/jackc/pgx/pgconn.", fact: takesSQL},
	{lib: "gorm.io/gorm", key: "gorm.io/gorm.DB.{Raw,Exec}", fact: takesSQL},
	{lib: "github.com/zeromicro/go-zero", key: "github.com/zeromicro/go-zero/core/stores/sqlx.", fact: takesSQL},
	{lib: "github.com/zeromicro/go-zero", key: "github.com/zeromicro/go-zero/core/stores/sqlc.", fact: takesSQL},
	{lib: "github.com/Masterminds/squirrel", key: "github.com/Masterminds/squirrel.", fact: takesSQL},
	{lib: "github.com/doug-martin/goqu", key: "github.com/doug-martin/goqu.", fact: takesSQL},
	{lib: "github.com/upper/db", key: "github.com/upper/db.", fact: takesSQL},
	{lib: "github.com/uptrace/bun", key: "github.com/uptrace/bun.", fact: takesSQL},
	{lib: "github.com/beego/beego", key: "github.com/beego/beego/client/orm.", fact: takesSQL},
	{lib: "github.com/astaxie/beego", key: "github.com/astaxie/beego/orm.", fact: takesSQL},
	{lib: "xorm.io/xorm", key: "xorm.io/xorm.", fact: takesSQL},
	{lib: "github.com/go-pg/pg", key: "github.com/go-pg/pg.", fact: takesSQL},
	// ClickHouse's tables are its own: not a SQL database's that the
	// service's database/sql queries name, nor one with a Postgres
	// table of the same name.
	{lib: "github.com/ClickHouse/clickhouse-go", key: "github.com/ClickHouse/clickhouse-go/lib/driver.", fact: takesSQL, kind: "clickhouse"},
	{lib: "github.com/gocql/gocql", key: "github.com/gocql/gocql.", fact: takesSQL, kind: "cassandra"},
	// watermill-sql's executors: a handler's transaction (TxFromContext).
	{lib: "github.com/ThreeDotsLabs/watermill-sql", key: "github.com/ThreeDotsLabs/watermill-sql/pkg/sql.{ContextExecutor,Tx,Beginner}.{ExecContext,QueryContext}", fact: takesSQL},

	// Kafka.
	// Brokers: where a publish nobody in the tree consumes goes.
	{lib: "github.com/segmentio/kafka-go", key: "github.com/segmentio/kafka-go.{NewReader,NewWriter}", fact: connects, kind: "kafka", name: fieldElems(0, "Brokers")},
	{lib: "github.com/segmentio/kafka-go", key: "github.com/segmentio/kafka-go.TCP", fact: connects, kind: "kafka", name: elems(0)},
	{lib: "github.com/segmentio/kafka-go", key: "github.com/segmentio/kafka-go.DialLeader", fact: connects, kind: "kafka", name: arg(2)},
	{lib: "github.com/IBM/sarama", key: "github.com/{IBM,Shopify}/sarama.{NewSyncProducer,NewAsyncProducer,NewConsumer,NewConsumerGroup,NewClient}", fact: connects, kind: "kafka", name: elems(0)},
	{lib: "github.com/twmb/franz-go", key: "github.com/twmb/franz-go/pkg/kgo.SeedBrokers", fact: connects, kind: "kafka", name: elems(0)},
	{lib: "github.com/segmentio/kafka-go", key: "github.com/segmentio/kafka-go.Writer.WriteMessages", fact: publishes, kind: "kafka", name: field(recv, "Topic").orElse(madeByField(recv, "github.com/segmentio/kafka-go.NewWriter", 0, "Topic").orElse(elemField(1, "Topic")))},
	{lib: "github.com/segmentio/kafka-go", key: "github.com/segmentio/kafka-go.NewReader", fact: consumes, kind: "kafka", name: field(0, "Topic").orElse(fieldElems(0, "GroupTopics"))},
	// A connection to a partition leader writes and reads the topic it
	// was dialled for.
	{lib: "github.com/segmentio/kafka-go", key: "github.com/segmentio/kafka-go.Conn.WriteMessages", fact: publishes, kind: "kafka", name: madeByArg(recv, "github.com/segmentio/kafka-go.DialLeader", 3)},
	{lib: "github.com/segmentio/kafka-go", key: "github.com/segmentio/kafka-go.Conn.{ReadMessage,ReadBatch}", fact: consumes, kind: "kafka", name: madeByArg(recv, "github.com/segmentio/kafka-go.DialLeader", 3)},
	{lib: "github.com/IBM/sarama", key: "github.com/{IBM,Shopify}/sarama.SyncProducer.SendMessage", fact: publishes, kind: "kafka", name: field(0, "Topic")},
	{lib: "github.com/IBM/sarama", key: "github.com/{IBM,Shopify}/sarama.SyncProducer.SendMessages", fact: publishes, kind: "kafka", name: elemField(0, "Topic")},
	{lib: "github.com/IBM/sarama", key: "github.com/{IBM,Shopify}/sarama.AsyncProducer.Input", fact: publishes, kind: "kafka", do: (*extractor).asyncInput},
	{lib: "github.com/IBM/sarama", key: "github.com/{IBM,Shopify}/sarama.Consumer.ConsumePartition", fact: consumes, kind: "kafka", name: arg(0)},
	{lib: "github.com/IBM/sarama", key: "github.com/{IBM,Shopify}/sarama.ConsumerGroup.Consume", fact: consumes, kind: "kafka", name: elems(1)},
	{lib: "github.com/bsm/sarama-cluster", key: "github.com/bsm/sarama-cluster.NewConsumer", fact: consumes, kind: "kafka", name: elems(2)},
	{lib: "github.com/bsm/sarama-cluster", key: "github.com/bsm/sarama-cluster.NewConsumer", fact: connects, kind: "kafka", name: elems(0)},
	{lib: "github.com/confluentinc/confluent-kafka-go", key: "github.com/confluentinc/confluent-kafka-go/kafka.Consumer.Subscribe", fact: consumes, kind: "kafka", name: arg(0)},
	{lib: "github.com/confluentinc/confluent-kafka-go", key: "github.com/confluentinc/confluent-kafka-go/kafka.Consumer.SubscribeTopics", fact: consumes, kind: "kafka", name: elems(0)},
	{lib: "github.com/confluentinc/confluent-kafka-go", key: "github.com/confluentinc/confluent-kafka-go/kafka.Producer.Produce", fact: publishes, kind: "kafka", do: (*extractor).confluentProduce},
	{lib: "github.com/twmb/franz-go", key: "github.com/twmb/franz-go/pkg/kgo.Client.{Produce,TryProduce}", fact: publishes, kind: "kafka", name: field(1, "Topic")},
	{lib: "github.com/twmb/franz-go", key: "github.com/twmb/franz-go/pkg/kgo.Client.ProduceSync", fact: publishes, kind: "kafka", do: (*extractor).recordTopics},
	{lib: "github.com/twmb/franz-go", key: "github.com/twmb/franz-go/pkg/kgo.ConsumeTopics", fact: consumes, kind: "kafka", name: elems(0)},
	{lib: "github.com/twmb/franz-go", key: "github.com/twmb/franz-go/pkg/kgo.DefaultProduceTopic", fact: publishes, kind: "kafka", name: arg(0)},
	{lib: "github.com/zeromicro/go-queue", key: "github.com/zeromicro/go-queue/kq.NewPusher", fact: publishes, kind: "kafka", name: arg(1)},
	// The push itself, where a dual write's publish is: to the topic of
	// the pusher it is made on.
	{lib: "github.com/zeromicro/go-queue", key: "github.com/zeromicro/go-queue/kq.Pusher.{Push,KPush}", fact: publishes, kind: "kafka", name: madeByArg(recv, "github.com/zeromicro/go-queue/kq.NewPusher", 1)},
	{lib: "github.com/zeromicro/go-queue", key: "github.com/zeromicro/go-queue/kq.{MustNewQueue,NewQueue}", fact: consumes, kind: "kafka", name: confField(0, "Topic")},

	// NATS.
	// NSQ: a producer publishes to nsqd; a consumer reads a topic through
	// a channel of its own (each channel gets every message).
	{lib: "github.com/nsqio/go-nsq", key: "github.com/nsqio/go-nsq.NewProducer", fact: connects, kind: "nsq", name: arg(0)},
	{lib: "github.com/nsqio/go-nsq", key: "github.com/nsqio/go-nsq.Producer.{Publish,PublishAsync,MultiPublish,MultiPublishAsync,DeferredPublish,DeferredPublishAsync}", fact: publishes, kind: "nsq", name: arg(0)},
	{lib: "github.com/nsqio/go-nsq", key: "github.com/nsqio/go-nsq.NewConsumer", fact: consumes, kind: "nsq", name: arg(0)},
	{lib: "github.com/nsqio/go-nsq", key: "github.com/nsqio/go-nsq.Consumer.{ConnectToNSQD,ConnectToNSQLookupd}", fact: connects, kind: "nsq", name: arg(0)},
	{lib: "github.com/nsqio/go-nsq", key: "github.com/nsqio/go-nsq.Consumer.{ConnectToNSQDs,ConnectToNSQLookupds}", fact: connects, kind: "nsq", name: elems(0)},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.Connect", fact: connects, kind: "nats", name: arg(0)},
	// A subject is an argument, or the Subject of a *nats.Msg handed over.
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.Conn.{Publish,PublishRequest,Request}", fact: publishes, kind: "nats", name: arg(0)},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.Conn.{PublishMsg,RequestMsg}", fact: publishes, kind: "nats", name: field(0, "Subject").orElse(madeByArg(0, natsNewMsg, 0))},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.Conn.RequestWithContext", fact: publishes, kind: "nats", name: arg(1)},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.EncodedConn.{Publish,Request,BindSendChan}", fact: publishes, kind: "nats", name: arg(0)},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.EncodedConn.{Subscribe,QueueSubscribe,BindRecvChan,BindRecvQueueChan}", fact: consumes, kind: "nats", name: arg(0)},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.Conn.RequestMsgWithContext", fact: publishes, kind: "nats", name: field(1, "Subject")},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.{JetStreamContext,JetStream}.{Publish,PublishAsync}", fact: publishes, kind: "nats", name: arg(0)},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.{JetStreamContext,JetStream}.{PublishMsg,PublishMsgAsync}", fact: publishes, kind: "nats", name: field(0, "Subject").orElse(madeByArg(0, natsNewMsg, 0))},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go/jetstream.JetStream.Publish", fact: publishes, kind: "nats", name: arg(1)},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go/jetstream.JetStream.PublishAsync", fact: publishes, kind: "nats", name: arg(0)},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go/jetstream.JetStream.PublishMsg", fact: publishes, kind: "nats", name: field(1, "Subject").orElse(madeByArg(1, natsNewMsg, 0))},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go/jetstream.JetStream.PublishMsgAsync", fact: publishes, kind: "nats", name: field(0, "Subject").orElse(madeByArg(0, natsNewMsg, 0))},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.Conn.{Subscribe,SubscribeSync,QueueSubscribe,QueueSubscribeSync,ChanSubscribe,ChanQueueSubscribe}", fact: consumes, kind: "nats", name: arg(0)},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go.{JetStreamContext,JetStream}.{Subscribe,SubscribeSync,QueueSubscribe,QueueSubscribeSync,ChanSubscribe,ChanQueueSubscribe,PullSubscribe}", fact: consumes, kind: "nats", name: arg(0)},
	// The jetstream package consumes through a consumer whose config
	// filters the stream's subjects.
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go/jetstream.JetStream.{CreateConsumer,CreateOrUpdateConsumer}", fact: consumes, kind: "nats", name: field(2, "FilterSubject").orElse(fieldElems(2, "FilterSubjects"))},
	{lib: "github.com/nats-io/nats.go", key: "github.com/nats-io/nats.go/jetstream.Stream.{CreateConsumer,CreateOrUpdateConsumer}", fact: consumes, kind: "nats", name: field(1, "FilterSubject").orElse(fieldElems(1, "FilterSubjects"))},

	// redigo: a connection, dialled or from a pool, and PUBLISH and
	// SUBSCRIBE, which it sends as commands.
	{lib: "github.com/gomodule/redigo", key: "github.com/gomodule/redigo/redis.Dial", fact: opens, kind: "redis", name: arg(1)},
	{lib: "github.com/gomodule/redigo", key: "github.com/gomodule/redigo/redis.DialContext", fact: opens, kind: "redis", name: arg(2)},
	{lib: "github.com/gomodule/redigo", key: "github.com/gomodule/redigo/redis.DialURL", fact: opens, kind: "redis", name: arg(0)},
	{lib: "github.com/gomodule/redigo", key: "github.com/gomodule/redigo/redis.DialURLContext", fact: opens, kind: "redis", name: arg(1)},
	{lib: "github.com/gomodule/redigo", key: "github.com/gomodule/redigo/redis.Conn.{Do,Send}", fact: publishes, kind: "redis", do: (*extractor).redigoPublish},
	{lib: "github.com/gomodule/redigo", key: "github.com/gomodule/redigo/redis.{ConnWithContext.DoContext,DoContext}", fact: publishes, kind: "redis", do: (*extractor).redigoPublish},
	{lib: "github.com/gomodule/redigo", key: "github.com/gomodule/redigo/redis.PubSubConn.{Subscribe,PSubscribe}", fact: consumes, kind: "redis", name: elems(0)},

	// NATS Streaming (stan): channels, matched by name.
	{lib: "github.com/nats-io/stan.go", key: "github.com/nats-io/stan.go.Conn.{Publish,PublishAsync}", fact: publishes, kind: "nats-streaming", name: arg(0)},
	{lib: "github.com/nats-io/stan.go", key: "github.com/nats-io/stan.go.Conn.{Subscribe,QueueSubscribe}", fact: consumes, kind: "nats-streaming", name: arg(0)},
	{lib: "github.com/nats-io/stan.go", key: "github.com/nats-io/stan.go.NatsURL", fact: connects, kind: "nats-streaming", name: arg(0)},

	// Redis: pub/sub channels, whose patterns match as globs, and streams.
	// go-redis declares its commands on the unexported cmdable that every
	// client embeds, and subscribing on each client and on its PubSub.
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.Publish", fact: publishes, kind: "redis", name: arg(1), ctx: true},
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{Client,ClusterClient,Ring,UniversalClient,PubSub}.{Subscribe,PSubscribe}", fact: consumes, kind: "redis", name: elems(1), ctx: true},
	// Sharded channels (Redis 7) reach SSUBSCRIBE only, never a pattern.
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.SPublish", fact: publishes, kind: "redis-sharded", name: arg(1), ctx: true},
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{Client,ClusterClient,Ring,UniversalClient,PubSub}.SSubscribe", fact: consumes, kind: "redis-sharded", name: elems(1), ctx: true},
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.XAdd", fact: publishes, kind: "redis-stream", name: field(1, "Stream"), ctx: true},
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{XReadGroup,XRead}", fact: consumes, kind: "redis-stream", do: (*extractor).streamsRead, ctx: true},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.Publish", fact: publishes, kind: "redis", name: arg(1), ctx: true},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{Client,ClusterClient,Ring,UniversalClient,PubSub}.{Subscribe,PSubscribe}", fact: consumes, kind: "redis", name: elems(1), ctx: true},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.XAdd", fact: publishes, kind: "redis-stream", name: field(1, "Stream"), ctx: true},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{XReadGroup,XRead}", fact: consumes, kind: "redis-stream", do: (*extractor).streamsRead, ctx: true},
	// A Redis list as a queue: pushed to, then popped, or read whole and
	// deleted (LRANGE with DEL). Only a list one service pushes and
	// another pops is one (queues, in link.go).
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{LPush,RPush,LPushX,RPushX}", fact: publishes, kind: "redis-list", name: arg(1), do: (*extractor).listKeys, ctx: true},
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{BLPop,BRPop}", fact: consumes, kind: "redis-list", name: elems(2), do: (*extractor).listKeys, ctx: true},
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{LPop,RPop,LPopCount,RPopCount}", fact: consumes, kind: "redis-list", name: arg(1), do: (*extractor).listKeys, ctx: true},
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{RPopLPush,BRPopLPush,LMove,BLMove}", fact: consumes, kind: "redis-list", name: arg(1), do: (*extractor).listMove, ctx: true},
	{lib: "github.com/redis/go-redis", key: "github.com/redis/go-redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.LRange", fact: consumes, kind: "redis-list", do: (*extractor).listDrained, ctx: true},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{LPush,RPush,LPushX,RPushX}", fact: publishes, kind: "redis-list", name: arg(1), do: (*extractor).listKeys, ctx: true},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{BLPop,BRPop}", fact: consumes, kind: "redis-list", name: elems(2), do: (*extractor).listKeys, ctx: true},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{LPop,RPop,LPopCount,RPopCount}", fact: consumes, kind: "redis-list", name: arg(1), do: (*extractor).listKeys, ctx: true},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.{RPopLPush,BRPopLPush,LMove,BLMove}", fact: consumes, kind: "redis-list", name: arg(1), do: (*extractor).listMove, ctx: true},
	{lib: "github.com/go-redis/redis", key: "github.com/go-redis/redis.{cmdable,Cmdable,UniversalClient,Pipeliner}.LRange", fact: consumes, kind: "redis-list", do: (*extractor).listDrained, ctx: true},

	// AMQP.
	{lib: "github.com/rabbitmq/amqp091-go", key: "github.com/rabbitmq/amqp091-go.{Dial,DialConfig}", fact: connects, kind: "amqp", name: arg(0)},
	{lib: "github.com/streadway/amqp", key: "github.com/streadway/amqp.{Dial,DialConfig}", fact: connects, kind: "amqp", name: arg(0)},
	{lib: "github.com/rabbitmq/amqp091-go", key: "github.com/rabbitmq/amqp091-go.Channel.{Publish,PublishWithDeferredConfirm}", fact: publishes, kind: "amqp", name: exchange(0)},
	{lib: "github.com/rabbitmq/amqp091-go", key: "github.com/rabbitmq/amqp091-go.Channel.{PublishWithContext,PublishWithDeferredConfirmWithContext}", fact: publishes, kind: "amqp", name: exchange(1)},
	{lib: "github.com/rabbitmq/amqp091-go", key: "github.com/rabbitmq/amqp091-go.Channel.Consume", fact: consumes, kind: "amqp", name: arg(0)},
	{lib: "github.com/rabbitmq/amqp091-go", key: "github.com/rabbitmq/amqp091-go.Channel.ConsumeWithContext", fact: consumes, kind: "amqp", name: arg(1)},
	// A queue bound to an exchange receives what is published to it with
	// a matching routing key: the binding is what its consumer consumes.
	{lib: "github.com/rabbitmq/amqp091-go", key: "github.com/rabbitmq/amqp091-go.Channel.QueueBind", fact: consumes, kind: "amqp", name: binding(1, 2), queue: arg(0)},
	{lib: "github.com/streadway/amqp", key: "github.com/streadway/amqp.Channel.Publish", fact: publishes, kind: "amqp", name: exchange(0)},
	{lib: "github.com/streadway/amqp", key: "github.com/streadway/amqp.Channel.Consume", fact: consumes, kind: "amqp", name: arg(0)},
	{lib: "github.com/streadway/amqp", key: "github.com/streadway/amqp.Channel.QueueBind", fact: consumes, kind: "amqp", name: binding(1, 2), queue: arg(0)},

	// Google Pub/Sub.
	{lib: "cloud.google.com/go/pubsub", key: "cloud.google.com/go/pubsub.Topic.Publish", fact: publishes, kind: "pubsub", name: madeBy(recv, "cloud.google.com/go/pubsub.Client.Topic")},
	{lib: "cloud.google.com/go/pubsub", key: "cloud.google.com/go/pubsub.Subscription.Receive", fact: consumes, kind: "pubsub", name: madeBy(recv, "cloud.google.com/go/pubsub.Client.Subscription")},
	// v2: a client's Publisher publishes to its topic, its Subscriber
	// receives from its subscription.
	// A name may be the resource's full name (projects/p/topics/t): its ID
	// is what the code elsewhere names it by.
	{lib: "cloud.google.com/go/pubsub", key: "cloud.google.com/go/pubsub.Publisher.Publish", fact: publishes, kind: "pubsub", name: madeBy(recv, "cloud.google.com/go/pubsub.Client.Publisher"), do: (*extractor).pubsubV2},
	{lib: "cloud.google.com/go/pubsub", key: "cloud.google.com/go/pubsub.Subscriber.Receive", fact: consumes, kind: "pubsub", name: madeBy(recv, "cloud.google.com/go/pubsub.Client.Subscriber"), do: (*extractor).pubsubV2},
	// v2 creates a subscription with its admin client: it receives its
	// topic.
	{lib: "cloud.google.com/go/pubsub", key: "cloud.google.com/go/pubsub/apiv1.SubscriptionAdminClient.CreateSubscription", fact: consumes, kind: "pubsub", do: (*extractor).createSubscriptionV2},
	// A subscription created in code receives its config's topic.
	{lib: "cloud.google.com/go/pubsub", key: "cloud.google.com/go/pubsub.Client.CreateSubscription", fact: consumes, kind: "pubsub", do: (*extractor).createSubscription},

	// Dapr's pub/sub, through its Go SDK: the topic a publish names, and
	// a subscription's Topic.
	{lib: "github.com/dapr/go-sdk", key: "github.com/dapr/go-sdk/client.Client.PublishEvent", fact: publishes, kind: "dapr", name: arg(2)},
	{lib: "github.com/dapr/go-sdk", key: "github.com/dapr/go-sdk/service/common.Service.AddTopicEventHandler", fact: consumes, kind: "dapr", name: field(0, "Topic")},
	// Service invocation names the app by its Dapr app ID: an HTTP call to
	// http://APP-ID/METHOD, as the sidecar makes it.
	{lib: "github.com/dapr/go-sdk", key: "github.com/dapr/go-sdk/client.Client.{InvokeMethod,InvokeMethodWithContent,InvokeMethodWithCustomContent}", fact: calls, kind: "http", method: arg(3), name: arg(1), do: (*extractor).daprInvoke},

	// watermill. A router handler consumes one topic and publishes to
	// another: two rows.
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/message.Publisher.Publish", fact: publishes, kind: "watermill", name: arg(0), do: (*extractor).watermillPublish},
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/message.Subscriber.Subscribe", fact: consumes, kind: "watermill", name: arg(1), do: (*extractor).watermillConsume},
	// A backend's publisher or subscriber called as itself, not through
	// message.Publisher. (Not gochannel's: it stays in one process.)
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill-{kafka/pkg/kafka,amqp/pkg/amqp,nats/pkg/nats,redisstream/pkg/redisstream,googlecloud/pkg/googlecloud,sql/pkg/sql}.Publisher.Publish", fact: publishes, kind: "watermill", name: arg(0), do: (*extractor).watermillPublish},
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill-{kafka/pkg/kafka,amqp/pkg/amqp,nats/pkg/nats,redisstream/pkg/redisstream,googlecloud/pkg/googlecloud,sql/pkg/sql}.Subscriber.Subscribe", fact: consumes, kind: "watermill", name: arg(1), do: (*extractor).watermillConsume},
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/message.Router.AddHandler", fact: consumes, kind: "watermill", name: arg(1), do: (*extractor).watermillConsume},
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/message.Router.AddHandler", fact: publishes, kind: "watermill", name: arg(3), do: (*extractor).watermillPublish},
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/message.Router.{AddNoPublisherHandler,AddConsumerHandler}", fact: consumes, kind: "watermill", name: arg(1), do: (*extractor).watermillConsume},
	// watermill's CQRS buses and processors send and receive on the
	// topic the function they are made with returns (GeneratePublishTopic,
	// GenerateSubscribeTopic; the older constructors' generateTopic),
	// where it does not return what the library hands it (the event's
	// name).
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/components/cqrs.EventBus.Publish", fact: publishes, kind: "watermill", name: madeByReturns(recv, "github.com/ThreeDotsLabs/watermill/components/cqrs.NewEventBusWithConfig", 1, "GeneratePublishTopic").orElse(madeByReturns(recv, "github.com/ThreeDotsLabs/watermill/components/cqrs.NewEventBus", 1, ""))},
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/components/cqrs.CommandBus.{Send,SendWithModifiedMessage}", fact: publishes, kind: "watermill", name: madeByReturns(recv, "github.com/ThreeDotsLabs/watermill/components/cqrs.NewCommandBusWithConfig", 1, "GeneratePublishTopic").orElse(madeByReturns(recv, "github.com/ThreeDotsLabs/watermill/components/cqrs.NewCommandBus", 1, ""))},
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/components/cqrs.EventProcessor.{AddHandlers,AddHandler,AddHandlersToRouter}", fact: consumes, kind: "watermill", name: madeByReturns(recv, "github.com/ThreeDotsLabs/watermill/components/cqrs.NewEventProcessorWithConfig", 1, "GenerateSubscribeTopic").orElse(madeByReturns(recv, "github.com/ThreeDotsLabs/watermill/components/cqrs.NewEventProcessor", 1, ""))},
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/components/cqrs.EventGroupProcessor.AddHandlersGroup", fact: consumes, kind: "watermill", name: madeByReturns(recv, "github.com/ThreeDotsLabs/watermill/components/cqrs.NewEventGroupProcessorWithConfig", 1, "GenerateSubscribeTopic")},
	{lib: "github.com/ThreeDotsLabs/watermill", key: "github.com/ThreeDotsLabs/watermill/components/cqrs.CommandProcessor.{AddHandlers,AddHandler,AddHandlersToRouter}", fact: consumes, kind: "watermill", name: madeByReturns(recv, "github.com/ThreeDotsLabs/watermill/components/cqrs.NewCommandProcessorWithConfig", 1, "GenerateSubscribeTopic").orElse(madeByReturns(recv, "github.com/ThreeDotsLabs/watermill/components/cqrs.NewCommandProcessor", 1, ""))},

	// AWS: an SQS queue is named by its URL, whose last element is its
	// name; an SNS topic and a Kinesis stream by name or ARN, whose last
	// element is. (v1's calls take no context unless …WithContext.)
	{lib: "github.com/aws/aws-sdk-go-v2/service/sqs", key: "github.com/aws/aws-sdk-go-v2/service/sqs.Client.{SendMessage,SendMessageBatch}", fact: publishes, kind: "sqs", name: field(1, "QueueUrl"), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go-v2/service/sqs", key: "github.com/aws/aws-sdk-go-v2/service/sqs.Client.ReceiveMessage", fact: consumes, kind: "sqs", name: field(1, "QueueUrl"), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go-v2/service/sns", key: "github.com/aws/aws-sdk-go-v2/service/sns.Client.{Publish,PublishBatch}", fact: publishes, kind: "sns", name: field(1, "TopicArn"), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go-v2/service/kinesis", key: "github.com/aws/aws-sdk-go-v2/service/kinesis.Client.{PutRecord,PutRecords}", fact: publishes, kind: "kinesis", name: field(1, "StreamName").orElse(field(1, "StreamARN")), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go-v2/service/kinesis", key: "github.com/aws/aws-sdk-go-v2/service/kinesis.Client.GetShardIterator", fact: consumes, kind: "kinesis", name: field(1, "StreamName").orElse(field(1, "StreamARN")), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go", key: "github.com/aws/aws-sdk-go/service/sqs.SQS.{SendMessage,SendMessageBatch}", fact: publishes, kind: "sqs", name: field(0, "QueueUrl"), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go", key: "github.com/aws/aws-sdk-go/service/sqs.SQS.{SendMessageWithContext,SendMessageBatchWithContext}", fact: publishes, kind: "sqs", name: field(1, "QueueUrl"), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go", key: "github.com/aws/aws-sdk-go/service/sqs.SQS.ReceiveMessage", fact: consumes, kind: "sqs", name: field(0, "QueueUrl"), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go", key: "github.com/aws/aws-sdk-go/service/sqs.SQS.ReceiveMessageWithContext", fact: consumes, kind: "sqs", name: field(1, "QueueUrl"), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go", key: "github.com/aws/aws-sdk-go/service/sns.SNS.Publish", fact: publishes, kind: "sns", name: field(0, "TopicArn"), do: (*extractor).awsMessage},
	{lib: "github.com/aws/aws-sdk-go", key: "github.com/aws/aws-sdk-go/service/sns.SNS.PublishWithContext", fact: publishes, kind: "sns", name: field(1, "TopicArn"), do: (*extractor).awsMessage},

	// Azure Service Bus: a sender sends to the queue or topic it was made
	// for, a receiver receives from its queue, or from a subscription of
	// its topic. Event Hubs: a producer sends to its event hub, a
	// consumer (or a processor over it) receives from it.
	{lib: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus", key: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus.Sender.{SendMessage,SendMessageBatch,ScheduleMessages,SendAMQPAnnotatedMessage}", fact: publishes, kind: "servicebus", name: madeByArg(recv, "github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus.Client.NewSender", 0)},
	{lib: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus", key: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus.Receiver.{ReceiveMessages,PeekMessages}", fact: consumes, kind: "servicebus", name: madeByArg(recv, "github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus.Client.NewReceiverForQueue", 0).orElse(madeByArg(recv, "github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus.Client.NewReceiverForSubscription", 0))},
	{lib: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs", key: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs.ProducerClient.SendEventDataBatch", fact: publishes, kind: "eventhubs", name: madeByArg(recv, "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs.NewProducerClient", 1).orElse(madeByArg(recv, "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs.NewProducerClientFromConnectionString", 1))},
	{lib: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs", key: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs.ConsumerClient.NewPartitionClient", fact: consumes, kind: "eventhubs", name: madeByArg(recv, "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs.NewConsumerClient", 1).orElse(madeByArg(recv, "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs.NewConsumerClientFromConnectionString", 1))},
	{lib: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs", key: "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs.NewProcessor", fact: consumes, kind: "eventhubs", name: madeByArg(0, "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs.NewConsumerClient", 1).orElse(madeByArg(0, "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs.NewConsumerClientFromConnectionString", 1))},

	// Pulsar: a producer publishes to the topic it was created for, a
	// consumer subscribes to its Topic or Topics, a reader reads its
	// Topic. A topic's short name is its persistent://public/default/
	// one (namedTopic).
	{lib: "github.com/apache/pulsar-client-go", key: "github.com/apache/pulsar-client-go/pulsar.NewClient", fact: connects, kind: "pulsar", name: field(0, "URL")},
	{lib: "github.com/apache/pulsar-client-go", key: "github.com/apache/pulsar-client-go/pulsar.Producer.{Send,SendAsync}", fact: publishes, kind: "pulsar", name: madeByField(recv, "github.com/apache/pulsar-client-go/pulsar.Client.CreateProducer", 0, "Topic"), do: (*extractor).namedTopic},
	{lib: "github.com/apache/pulsar-client-go", key: "github.com/apache/pulsar-client-go/pulsar.Client.Subscribe", fact: consumes, kind: "pulsar", name: field(0, "Topic").orElse(fieldElems(0, "Topics")), do: (*extractor).namedTopic},
	{lib: "github.com/apache/pulsar-client-go", key: "github.com/apache/pulsar-client-go/pulsar.Client.CreateReader", fact: consumes, kind: "pulsar", name: field(0, "Topic"), do: (*extractor).namedTopic},

	// MQTT (Eclipse Paho): topics, and filters whose + matches one level
	// and # the rest; a shared subscription ($share/GROUP/filter)
	// receives its filter's messages.
	{lib: "github.com/eclipse/paho.mqtt.golang", key: "github.com/eclipse/paho.mqtt.golang.ClientOptions.AddBroker", fact: connects, kind: "mqtt", name: arg(0)},
	{lib: "github.com/eclipse/paho.mqtt.golang", key: "github.com/eclipse/paho.mqtt.golang.Client.Publish", fact: publishes, kind: "mqtt", name: arg(0), do: (*extractor).namedTopic},
	{lib: "github.com/eclipse/paho.mqtt.golang", key: "github.com/eclipse/paho.mqtt.golang.Client.Subscribe", fact: consumes, kind: "mqtt", name: arg(0), do: (*extractor).namedTopic},
	{lib: "github.com/eclipse/paho.mqtt.golang", key: "github.com/eclipse/paho.mqtt.golang.Client.SubscribeMultiple", fact: consumes, kind: "mqtt", name: mapKeys(0), do: (*extractor).namedTopic},

	// RocketMQ: each message names its topic, written out or made by
	// NewMessage; a consumer subscribes to a topic (its tag selector
	// aside).
	{lib: "github.com/apache/rocketmq-client-go", key: "github.com/apache/rocketmq-client-go/{producer,consumer}.WithNameServer", fact: connects, kind: "rocketmq", name: elems(0)},
	{lib: "github.com/apache/rocketmq-client-go", key: "github.com/apache/rocketmq-client-go/primitive.NewPassthroughResolver", fact: connects, kind: "rocketmq", name: elems(0)},
	{lib: "github.com/apache/rocketmq-client-go", key: "github.com/apache/rocketmq-client-go.Producer.{SendSync,SendOneWay}", fact: publishes, kind: "rocketmq", name: elemFieldOrMade(1, "Topic", "github.com/apache/rocketmq-client-go/primitive.NewMessage", 0)},
	{lib: "github.com/apache/rocketmq-client-go", key: "github.com/apache/rocketmq-client-go.Producer.SendAsync", fact: publishes, kind: "rocketmq", name: elemFieldOrMade(2, "Topic", "github.com/apache/rocketmq-client-go/primitive.NewMessage", 0)},
	{lib: "github.com/apache/rocketmq-client-go", key: "github.com/apache/rocketmq-client-go.TransactionProducer.SendMessageInTransaction", fact: publishes, kind: "rocketmq", name: field(1, "Topic").orElse(madeByArg(1, "github.com/apache/rocketmq-client-go/primitive.NewMessage", 0))},
	{lib: "github.com/apache/rocketmq-client-go", key: "github.com/apache/rocketmq-client-go.{PushConsumer,PullConsumer}.Subscribe", fact: consumes, kind: "rocketmq", name: arg(0)},

	// asynq: the task type is the topic.
	{lib: "github.com/hibiken/asynq", key: "github.com/hibiken/asynq.Client.Enqueue", fact: publishes, kind: "asynq", name: madeBy(0, "github.com/hibiken/asynq.NewTask")},
	{lib: "github.com/hibiken/asynq", key: "github.com/hibiken/asynq.{Client.EnqueueContext,Scheduler.Register}", fact: publishes, kind: "asynq", name: madeBy(1, "github.com/hibiken/asynq.NewTask")},
	{lib: "github.com/hibiken/asynq", key: "github.com/hibiken/asynq.ServeMux.{HandleFunc,Handle}", fact: consumes, kind: "asynq", name: arg(0)},

	// Temporal: a workflow or activity runs on the workers that poll its
	// task queue, which is the topic; the frontend is the broker. A
	// workflow's options that name another queue send its activities or
	// child workflows there (none: its own queue, the service's own).
	{lib: "go.temporal.io/sdk", key: "go.temporal.io/sdk/client.{Dial,NewClient,NewLazyClient}", fact: connects, kind: "temporal", name: field(0, "HostPort")},
	{lib: "go.temporal.io/sdk", key: "go.temporal.io/sdk/client.DialContext", fact: connects, kind: "temporal", name: field(1, "HostPort")},
	{lib: "go.temporal.io/sdk", key: "go.temporal.io/sdk/client.Client.ExecuteWorkflow", fact: publishes, kind: "temporal", name: field(1, "TaskQueue")},
	{lib: "go.temporal.io/sdk", key: "go.temporal.io/sdk/client.Client.SignalWithStartWorkflow", fact: publishes, kind: "temporal", name: field(4, "TaskQueue")},
	{lib: "go.temporal.io/sdk", key: "go.temporal.io/sdk/workflow.{WithActivityOptions,WithChildOptions}", fact: publishes, kind: "temporal", name: field(1, "TaskQueue"), do: (*extractor).setQueue},
	{lib: "go.temporal.io/sdk", key: "go.temporal.io/sdk/workflow.WithTaskQueue", fact: publishes, kind: "temporal", name: arg(1)},
	{lib: "go.temporal.io/sdk", key: "go.temporal.io/sdk/worker.New", fact: consumes, kind: "temporal", name: arg(1)},
}

// An index finds the recognizers of a call by its callee key.
type index struct {
	exact  map[string][]*recognizer // by key, in the order of recognizers
	prefix []*recognizer            // takesSQL rows: keys that are prefixes
	keys   map[*recognizer][]string // each row's keys, expanded
}

func newIndex(rows []*recognizer) *index {
	t := &index{exact: make(map[string][]*recognizer), keys: make(map[*recognizer][]string)}
	for _, r := range rows {
		t.keys[r] = expand(r.key)
		if r.fact == takesSQL {
			t.prefix = append(t.prefix, r)
			continue
		}
		for _, k := range t.keys[r] {
			t.exact[k] = append(t.exact[k], r)
		}
	}
	return t
}

// lookup returns the rows a call's key matches: its own first, in table
// order, then the first SQL library whose prefix it has.
func (t *index) lookup(key string) []*recognizer {
	out := t.exact[key]
	for _, r := range t.prefix {
		for _, p := range t.keys[r] {
			if strings.HasPrefix(key, p) {
				return append(out[:len(out):len(out)], r)
			}
		}
	}
	return out
}

var recognized = newIndex(recognizers)

// expand spells out the alternatives of a key: "a.{B,C}.D" is "a.B.D" and
// "a.C.D".
func expand(key string) []string {
	open := strings.IndexByte(key, '{')
	if open < 0 {
		return []string{key}
	}
	end := strings.IndexByte(key[open:], '}') + open
	var out []string
	for _, alt := range strings.Split(key[open+1:end], ",") {
		for _, rest := range expand(key[end+1:]) {
			out = append(out, key[:open]+alt+rest)
		}
	}
	return out
}

// A site is one call the walk looks at, with what the rows need of it.
type site struct {
	f        *facts
	fn       *ssa.Function
	instr    ssa.CallInstruction
	common   *ssa.CallCommon
	key      string
	args     []ssa.Value // without the receiver of a static method call
	ev       Evidence
	stores   map[string]*Store
	handlers map[string][]*ssa.Function
	// bind binds the parameters of the helper a route is registered in to
	// the arguments of one of its callers.
	bind map[*ssa.Parameter]ssa.Value
}

// arg returns argument i, the receiver for recv, or nil.
func (s *site) arg(i int) ssa.Value {
	if i == recv {
		if s.common.IsInvoke() {
			return s.common.Value
		}
		if len(s.common.Args) > 0 {
			return s.common.Args[0]
		}
		return nil
	}
	if i >= 0 && i < len(s.args) {
		return s.args[i]
	}
	return nil
}

// tableChained reports whether a gorm or xorm query was given its table
// by a Table call earlier in its chain (db.Table("x").Where(…).Find(&m),
// gorm.G[T](db).Table("x").Find(ctx), engine.Table("x").Get(&row)), its
// SQL by a Raw or SQL call, or, with model, its model by a Model call
// (db.Model(&Product{}).Select(…).Find(&dtos)): the struct the rows are
// read into is then no model.
func tableChained(v ssa.Value, model bool) bool {
	return tableChainedFrom(v, model, make(map[*ssa.Phi]bool))
}

// tableChainedFrom is tableChained through the Phis not in seen: a query
// built in a loop (for … { q = q.Where(…) }) comes back to its own Phi.
func tableChainedFrom(v ssa.Value, model bool, seen map[*ssa.Phi]bool) bool {
	for range 8 {
		if phi, ok := v.(*ssa.Phi); ok {
			if seen[phi] {
				return false
			}
			seen[phi] = true
			// q = q.Where(…) under a condition: any way the query
			// comes may have named its table.
			for _, e := range phi.Edges {
				if tableChainedFrom(e, model, seen) {
					return true
				}
			}
			return false
		}
		c, ok := v.(*ssa.Call)
		if !ok {
			return false
		}
		k := calleeKey(c.Common())
		if !ormQuery(k) {
			return false
		}
		switch k[strings.LastIndexByte(k, '.')+1:] {
		case "Table", "Raw", "SQL":
			return true
		case "Model":
			if model {
				return true
			}
		}
		if v = recvOf(c.Common()); v == nil {
			return false
		}
	}
	return false
}

// chainedTables returns the tables the Table calls in a query's chain
// name (db.Table(name).Where(…).Updates(…)), those archie knows.
func (x *extractor) chainedTables(s *site) []string {
	var out []string
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth == 0 || seen[v] {
			return
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.Phi:
			for _, e := range v.Edges {
				walk(e, depth-1)
			}
		case *ssa.Call:
			k := calleeKey(v.Common())
			if !ormQuery(k) {
				return
			}
			if strings.HasSuffix(k, ".Table") && len(v.Common().Args) > 1 {
				for _, n := range x.storeNames(s, x.res.argStrings(v.Common().Args[1], s.bind)) {
					if !strings.Contains(n, "…") && !slices.Contains(out, n) {
						out = append(out, n)
					}
				}
				return
			}
			walk(recvOf(v.Common()), depth-1)
		}
	}
	walk(recvOf(s.common), 8)
	return out
}

// ormQuery reports whether a callee key is a method of a gorm query (a
// *gorm.DB, or the generic API's interfaces) or of an xorm engine or
// session.
func ormQuery(k string) bool {
	for _, p := range []string{"gorm.io/gorm.DB.", "github.com/jinzhu/gorm.DB.", "gorm.io/gorm.Interface.", "gorm.io/gorm.CreateInterface.", "gorm.io/gorm.ChainInterface.",
		"xorm.io/xorm.Engine.", "xorm.io/xorm.Session.", "xorm.io/xorm.Interface.", "xorm.io/xorm.EngineInterface."} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// genDAO records the table a call of a DAO gorm.io/gen generates names:
// the generated userDo (and its IUserDo interface) runs gorm's queries on
// the model its First returns (*model.User), whose table gorm names as it
// names any model's. Its Create, Save, Update…, Delete and FirstOrCreate
// write the table. Calls within gen's own DO are gorm's, not read here.
func (x *extractor) genDAO(s *site) bool {
	var recv types.Type
	var method string
	if s.common.IsInvoke() {
		recv, method = s.common.Value.Type(), s.common.Method.Name()
	} else if fn := s.common.StaticCallee(); fn != nil && fn.Signature.Recv() != nil {
		recv, method = fn.Signature.Recv().Type(), fn.Name()
	} else {
		return false
	}
	write, ok := genOps[method]
	if !ok {
		return false
	}
	model := genModel(recv)
	if model == nil {
		return false
	}
	table := x.modelTableOf(model, true, x.gormNaming(s.f.svc.Name))
	if table == "" {
		return false
	}
	if x.ownCode(s.fn) {
		s.f.usesTables = true
	}
	ev := s.ev
	ev.Detail = "model for table " + table
	x.touch(s.f, s.stores, "sql", table, ev)
	if write {
		x.write(s, table)
	}
	return true
}

// genOps are the methods of a gen DAO that run a query, each true when it
// writes the model's table.
var genOps = map[string]bool{
	"Create": true, "CreateInBatches": true, "Save": true, "Update": true, "Updates": true, "UpdateSimple": true,
	"UpdateColumn": true, "UpdateColumns": true, "UpdateColumnSimple": true, "UpdateFrom": true, "Delete": true, "FirstOrCreate": true,
	"First": false, "Take": false, "Last": false, "Find": false, "FindInBatch": false, "FindInBatches": false,
	"FindByPage": false, "ScanByPage": false, "Scan": false, "Count": false, "Pluck": false, "FirstOrInit": false,
}

// genModel returns the model of a type gorm.io/gen generated for it, or
// nil: the type has gen's UnderlyingDB() *gorm.DB, and its First returns
// a pointer to a named struct of the program's, not gen's own any.
func genModel(t types.Type) types.Type {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || strings.HasPrefix(named.Obj().Pkg().Path(), "gorm.io/") {
		return nil
	}
	pkg := named.Obj().Pkg()
	under, _, _ := types.LookupFieldOrMethod(t, true, pkg, "UnderlyingDB")
	u, ok := under.(*types.Func)
	if !ok {
		return nil
	}
	if res := u.Type().(*types.Signature).Results(); res.Len() != 1 || !isGormDB(res.At(0).Type()) {
		return nil
	}
	first, _, _ := types.LookupFieldOrMethod(t, true, pkg, "First")
	f, ok := first.(*types.Func)
	if !ok {
		return nil
	}
	res := f.Type().(*types.Signature).Results()
	if res.Len() != 2 {
		return nil
	}
	p, ok := res.At(0).Type().(*types.Pointer)
	if !ok {
		return nil
	}
	if m, ok := types.Unalias(p.Elem()).(*types.Named); ok {
		if _, isStruct := m.Underlying().(*types.Struct); isStruct {
			return m
		}
	}
	return nil
}

// isGormDB reports whether t is *gorm.DB.
func isGormDB(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	return ok && isNamedType(p.Elem(), "gorm.io/gorm", "DB")
}

// gormGeneric records the table a call of gorm's generic API names: its
// model, the type argument of the interface it is called on, unless a
// Table call in the chain named the table.
func (x *extractor) gormGeneric(s *site, r *recognizer) {
	if tableChained(recvOf(s.common), false) {
		return
	}
	named, ok := types.Unalias(s.common.Value.Type()).(*types.Named)
	if !ok || named.TypeArgs().Len() != 1 {
		return
	}
	table := x.modelTableOf(named.TypeArgs().At(0), true, x.gormNaming(s.f.svc.Name))
	if table == "" {
		return
	}
	ev := s.ev
	ev.Detail = "model for table " + table
	x.touch(s.f, s.stores, r.kind, table, ev)
	switch s.key[strings.LastIndexByte(s.key, '.')+1:] {
	case "Create", "CreateInBatches", "Delete", "Update", "Updates":
		x.write(s, table)
	}
}

// ownCode reports whether a function is the program's, not a library's
// read with its bodies.
func (x *extractor) ownCode(fn *ssa.Function) bool {
	return fn != nil && fn.Pkg != nil && x.prog.libs[fn.Pkg.Pkg] == nil
}

// takesContext reports whether a call's first parameter, the receiver
// aside, is a context.Context.
func takesContext(c *ssa.CallCommon) bool {
	params := c.Signature().Params()
	if params.Len() == 0 {
		return false
	}
	named, ok := types.Unalias(params.At(0).Type()).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "context" && named.Obj().Name() == "Context"
}

// values reads an operand of a call.
func (x *extractor) values(o operand, s *site) []value {
	var out []value
	switch o.how {
	case fromArg:
		out = x.res.argStrings(s.arg(o.i), s.bind)
	case fromField:
		out = x.res.storedField(s.arg(o.i), o.field)
	case fromConfField:
		if out = x.res.storedField(s.arg(o.i), o.field); len(out) == 0 {
			out = x.res.fromConfig(s.arg(o.i), o.field)
		}
	case fromElems:
		out = x.res.sliceStrings(s.arg(o.i))
	case fromMaker:
		if v := s.arg(o.i); v != nil {
			out = x.res.callArg(v, o.maker, o.j)
		}
	case fromMakerField:
		if v := s.arg(o.i); v != nil {
			out = x.res.callArgField(v, o.maker, o.j, o.field)
		}
	case fromExchange:
		out = x.exchangeKeys(s.arg(o.i), s.arg(o.j), s.bind)
	case fromModel, fromSnakeModel, fromModels, fromSnakeModels:
		v := s.arg(o.i)
		if v == nil {
			break
		}
		var naming gormNaming
		switch {
		case strings.HasPrefix(s.key, "gorm.io/gorm."):
			naming = x.gormNaming(s.f.svc.Name)
		case strings.HasPrefix(s.key, "github.com/jinzhu/gorm."):
			naming = x.jinzhuNaming(s.f.svc.Name)
		case strings.HasPrefix(s.key, "xorm.io/xorm."):
			naming = x.xormNaming(s.f.svc.Name)
		case strings.HasPrefix(s.key, "github.com/go-pg/pg."), strings.HasPrefix(s.key, "github.com/go-pg/pg/"):
			naming = x.pgNaming(s.f.svc.Name)
		}
		if naming.unknown {
			break // the code names its tables its own way
		}
		models := []ssa.Value{v}
		if o.how == fromModels || o.how == fromSnakeModels {
			// The models handed in where the code lists them:
			// AutoMigrate(&Order{}, &Line{}).
			models, _ = x.res.sliceMembers(v, make(map[ssa.Value]bool))
		}
		plural := o.how == fromModel || o.how == fromModels
		for _, m := range models {
			if t := x.modelTable(m, plural, naming); t != "" {
				out = append(out, value{text: t, lit: true})
			}
		}
	case fromElemField:
		// The elements the call is handed, where the code builds the
		// slice in sight (a literal, appends, a loop's appends): each
		// one's field. A slice from elsewhere is not followed: every
		// value of the element type the service stores would do, and
		// a message built for a log line is not one sent.
		if elems, ok := x.res.sliceMembers(s.arg(o.i), make(map[ssa.Value]bool)); ok {
			for _, e := range elems {
				var vals []value
				if o.maker != "" {
					vals = x.res.callArg(x.built(e), o.maker, o.j)
				}
				if len(vals) == 0 {
					vals = x.res.storedField(e, o.field)
				}
				out = appendValues(out, vals)
			}
		}
	case fromMapKeys:
		for _, e := range x.res.mapEntries(s.arg(o.i), s.bind, resolveDepth, make(map[ssa.Value]bool)) {
			if x.res.ok(e.fn) {
				out = appendValues(out, x.res.resolve(e.key, nil, resolveDepth, make(map[ssa.Value]bool)))
			}
		}
	case fromFieldElems:
		out = x.res.fieldSlice(s.arg(o.i), o.field)
	case fromText:
		out = []value{{text: o.field, lit: true}}
	case fromCalledName:
		m := strings.ToUpper(s.key[strings.LastIndexByte(s.key, '.')+1:])
		if m == "POSTFORM" {
			m = "POST"
		}
		out = []value{{text: m, lit: true}}
	}
	if len(out) == 0 && o.or != nil {
		return x.values(*o.or, s)
	}
	if o.prefix != "" {
		out = prefixed(o.prefix, out)
	}
	return out
}

// first reads an operand and returns its first fully known value.
func (x *extractor) first(o operand, s *site) string { return firstOf(x.values(o, s)) }

func firstOf(vs []value) string {
	for _, v := range vs {
		if !strings.Contains(v.text, "…") {
			return v.text
		}
	}
	return ""
}

// routeOf reads a route: its first fully known value, but a route partly
// known ("…/trainer/calendar") is better than none.
func (x *extractor) routeOf(o operand, s *site) string {
	return routeText(x.values(o, s), x.settled(s.f))
}

// settled returns, for the service f, what its deployment makes of a
// value: the text of the variables it sets (${BASE_PATH}), or the value
// every workload passes a flag whose default v holds.
func (x *extractor) settled(f *facts) func(value) (string, bool) {
	return func(v value) (string, bool) {
		if f == nil || x.deploy == nil {
			return "", false
		}
		if strings.Contains(v.text, "${") {
			if t, ok := x.deployedText(f, v.text); ok && !strings.Contains(t, "…") {
				return t, true
			}
			if _, ok := v.withFlag(""); !ok {
				return "", false
			}
		}
		if texts, unread, keep := x.deploy.passed(f.svc, f.entryDir, v); len(texts) > 0 && !unread && !keep {
			return texts[0], true
		}
		return "", false
	}
}

// routeText picks a route among its values: the deployment's (settle,
// which may be nil), else its first fully known value, else a partly
// known one. A variable that may replace a default (viper's AutomaticEnv
// over a flag's default) and that no deployment sets leaves the default
// standing. An empty default that leaves an empty segment ("/"+root+"/",
// the code serving it only when root is set) stands for nothing.
func routeText(vs []value, settle func(value) (string, bool)) string {
	var known []value
	for _, v := range vs {
		if settle != nil {
			if t, ok := settle(v); ok {
				return t
			}
		}
		if !strings.Contains(v.text, "${") && !strings.Contains(v.text, "//") {
			known = append(known, v)
		}
	}
	if len(known) == 0 {
		known = vs
	}
	if r := firstOf(known); r != "" || len(known) == 0 {
		return r
	}
	return known[0].text
}

// routesOf reads the routes one registration makes: each fully known
// value, as a loop over a table of prefixes registers each, else the
// first partly known. A route the environment may replace (a prefix
// from LEDGER_PREFIX) is one of its values at run time, not each: its
// first stands for it. A pattern two table columns make together
// (rt.method+" "+rt.path) is read as its first value only: which method
// goes with which path is not known.
func (x *extractor) routesOf(o operand, s *site) []string {
	routes, _ := x.keyedRoutes(o, s)
	return routes
}

// keyedRoutes is routesOf, and whether each route is the whole text the
// registration is made with, which a handler map keyed by it may give
// its handler (keyedHandler): not where only one of the crossed values
// of several parts is kept.
func (x *extractor) keyedRoutes(o operand, s *site) (routes []string, whole bool) {
	vs := x.values(o, s)
	var out []string
	for _, v := range vs {
		if len(v.env) > 0 || v.flag != "" || v.config != "" {
			return []string{x.routeOf(o, s)}, false
		}
		if !strings.Contains(v.text, "…") && !slices.Contains(out, v.text) {
			out = append(out, v.text)
		}
	}
	switch {
	case len(out) > 1 && o.how == fromArg && x.crossed(s.arg(o.i), s.bind):
		if rows := x.rowRoutes(s.arg(o.i), s.bind); len(rows) > 0 {
			return rows, true
		}
		return out[:1], false
	case len(out) > 0:
		// Several texts of a format or a join may be crossed parts:
		// none is the whole key of a handler map for sure.
		return out, len(out) == 1
	case len(vs) > 0:
		return []string{vs[0].text}, false
	}
	return []string{""}, false
}

// crossed reports whether v is a concatenation of which two parts each
// have several values.
func (x *extractor) crossed(v ssa.Value, bind map[*ssa.Parameter]ssa.Value) bool {
	var parts []ssa.Value
	var split func(v ssa.Value)
	split = func(v ssa.Value) {
		if b, ok := v.(*ssa.BinOp); ok && b.Op.String() == "+" {
			split(b.X)
			split(b.Y)
			return
		}
		parts = append(parts, v)
	}
	split(v)
	varied := 0
	for _, p := range parts {
		if len(x.res.resolve(p, bind, 6, make(map[ssa.Value]bool))) > 1 {
			varied++
		}
	}
	return varied > 1
}

// proxyCall records a reverse proxy's target as a call, where the
// service serves a reverse proxy at all: hands one to what takes a
// handler, or calls its ServeHTTP. A proxy built and never served (an
// optional route switched off) forwards nothing. The call is made where
// the proxy serves, in its ServeHTTP; every route that serves any proxy
// reaches that, so the call names no handler (see service), and chains
// take it as made for whatever request the service serves.
func (x *extractor) proxyCall(s *site, r *recognizer) {
	if s.f.servesProxy == 0 {
		s.f.servesProxy = -1
	scan:
		for fn := range x.res.within {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch in := instr.(type) {
					case *ssa.MakeInterface:
						if in.X.Type().String() == "*net/http/httputil.ReverseProxy" {
							s.f.servesProxy, s.f.proxyServes = 1, x.libraryMethod(in.X.Type(), "ServeHTTP")
							break scan
						}
					case ssa.CallInstruction:
						if calleeKey(in.Common()) == "net/http/httputil.ReverseProxy.ServeHTTP" {
							s.f.servesProxy, s.f.proxyServes = 1, in.Common().StaticCallee()
							break scan
						}
					}
				}
			}
		}
	}
	if s.f.servesProxy > 0 {
		fn := s.f.proxyServes
		if fn == nil {
			fn = s.fn
		}
		x.httpCall(s.f, fn, x.first(r.method, s), x.values(r.name, s), s.ev)
	}
}

// forwardsMethod reports whether v is the Method of an HTTP request the
// service received (req.Method of a handler's request, echo's
// c.Request(), gin's c.Request, handed down to a helper): a request sent
// with it forwards that one, as a gateway's own proxy does, whatever its
// method. A request the service built itself and re-sends through a
// helper has its own method.
func (x *extractor) forwardsMethod(v ssa.Value) bool {
	var t types.Type
	var i int
	var req ssa.Value
	switch w := v.(type) {
	case *ssa.UnOp:
		fa, ok := w.X.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		t, i, req = fa.X.Type(), fa.Field, fa.X
	case *ssa.Field:
		t, i, req = w.X.Type(), w.Field, w.X
	default:
		return false
	}
	st := structOf(t)
	if !isHTTPRequest(t) || st == nil || i >= st.NumFields() || st.Field(i).Name() != "Method" {
		return false
	}
	return x.received(req, 4)
}

// received reports whether v is a request the service received: a
// handler's *http.Request parameter, a web framework's context's
// Request, or what every caller of a helper hands it of those.
func (x *extractor) received(v ssa.Value, depth int) bool {
	if depth == 0 {
		return false
	}
	switch w := v.(type) {
	case *ssa.Parameter:
		fn := w.Parent()
		if handlerSignature(fn.Signature) {
			return true
		}
		i := slices.Index(fn.Params, w)
		if i < 0 {
			return false
		}
		var args []ssa.Value
		for _, c := range x.res.callers[fn] {
			if a := c.Common().Args; i < len(a) { // a method's receiver first, as in Params
				args = append(args, a[i])
			}
		}
		// A method called through an interface (p.Do(ctx, c.Request())
		// on a requestForwarder): the calls of that method, by name, on
		// an interface its receiver type implements.
		if recv := fn.Signature.Recv(); recv != nil && i > 0 {
			for f := range x.res.within {
				for _, b := range f.Blocks {
					for _, instr := range b.Instrs {
						c, ok := instr.(ssa.CallInstruction)
						if !ok || !c.Common().IsInvoke() || c.Common().Method.Name() != fn.Name() {
							continue
						}
						iface, ok := c.Common().Value.Type().Underlying().(*types.Interface)
						if ok && types.Implements(recv.Type(), iface) && i-1 < len(c.Common().Args) {
							args = append(args, c.Common().Args[i-1])
						}
					}
				}
			}
		}
		return len(args) > 0 && !slices.ContainsFunc(args, func(a ssa.Value) bool { return !x.received(a, depth-1) })
	case *ssa.FreeVar:
		bs := freeVarBindings(w)
		return len(bs) > 0 && !slices.ContainsFunc(bs, func(b ssa.Value) bool { return !x.received(b, depth-1) })
	case *ssa.Call:
		// echo's c.Request(), a framework context's own.
		c := w.Common()
		var name string
		var recv types.Type
		if c.IsInvoke() {
			name, recv = c.Method.Name(), c.Value.Type()
		} else if f := c.StaticCallee(); f != nil && f.Signature.Recv() != nil {
			name, recv = f.Name(), f.Signature.Recv().Type()
		}
		return name == "Request" && isHTTPRequest(w.Type()) && !isHTTPRequest(recv)
	case *ssa.UnOp:
		// gin's c.Request, a framework context's field.
		if fa, ok := w.X.(*ssa.FieldAddr); ok {
			if st := structOf(fa.X.Type()); st != nil && fa.Field < st.NumFields() && st.Field(fa.Field).Name() == "Request" {
				tn := namedOf(fa.X.Type())
				return tn != nil && tn.Pkg() != nil && tn.Pkg().Path() != "net/http"
			}
		}
	}
	return false
}

// isHTTPRequest reports whether t is net/http's Request, or a pointer
// to it.
func isHTTPRequest(t types.Type) bool {
	tn := namedOf(t)
	return tn != nil && tn.Pkg() != nil && tn.Pkg().Path() == "net/http" && tn.Name() == "Request"
}

// libraryMethod returns the function of t's method name, as the program
// knows it: a library's method, whose body archie does not read, is a
// function without blocks. nil when t has no such method.
func (x *extractor) libraryMethod(t types.Type, name string) *ssa.Function {
	sel := x.prog.prog.MethodSets.MethodSet(t).Lookup(nil, name)
	if sel == nil {
		return nil
	}
	return x.prog.prog.MethodValue(sel)
}

// binding records an AMQP binding's routing keys, each with the queue it
// binds where that is known. A helper of the service's own that binds
// what its callers give it (bindQueue("orders", keys)) is read once per
// call: each queue is bound to the keys its own call gives.
func (x *extractor) binding(s *site, r *recognizer, topics []value) {
	var queues []string
	byQueue := make(map[string][]value)
	add := func(qs, ts []value) {
		var named []value
		for _, q := range qs {
			if q.text != "" && !strings.Contains(q.text, "…") {
				named = append(named, q)
			}
		}
		// Several queues and several keys that no call pairs (a loop
		// over a table of them): which key goes to which queue is
		// unknown.
		if len(named) > 1 && len(ts) > 1 {
			named = nil
		}
		known := false
		for _, q := range named {
			known = true
			if _, ok := byQueue[q.text]; !ok {
				queues = append(queues, q.text)
			}
			byQueue[q.text] = appendValues(byQueue[q.text], ts)
		}
		if !known {
			if _, ok := byQueue[""]; !ok {
				queues = append(queues, "")
			}
			byQueue[""] = appendValues(byQueue[""], ts)
		}
	}
	calls := x.res.callersIn(s.fn)
	if s.bind != nil || !x.ownCode(s.fn) || len(calls) < 2 || len(s.fn.Params) == 0 {
		add(x.values(r.queue, s), topics)
	} else {
		for _, c := range calls {
			bind := bindArgs(s.fn, c.Common().Args)
			x.res.topics = true
			ts := x.exchangeKeys(s.arg(r.name.i), s.arg(r.name.j), bind)
			x.res.topics = false
			add(x.res.argStrings(s.arg(r.queue.i), bind), ts)
		}
	}
	for _, q := range queues {
		from := len(s.f.messages)
		x.message(s.f, s.fn, r.kind, false, byQueue[q], s.ev)
		for _, m := range s.f.messages[from:] {
			m.bound, m.queue = true, q
		}
	}
}

// apply records what a recognized call means.
func (x *extractor) apply(r *recognizer, s *site) {
	if x.trace != nil {
		x.trace(r, s)
	}
	if r.fact == opens && x.prog.lib(s.fn) != nil {
		// A library that serves several databases opens each (a
		// migration tool's dialects): which one the service runs on is
		// its own code's to say.
		return
	}
	if r.ctx && !takesContext(s.common) {
		shifted := *s
		shifted.args = append([]ssa.Value{nil}, s.args...)
		s = &shifted
	}
	if r.do != nil {
		r.do(x, s, r)
		return
	}
	switch r.fact {
	case calls:
		if r.kind == "smtp" || r.kind == "s3" {
			s.f.calls = append(s.f.calls, &call{protocol: r.kind, targets: x.values(r.name, s), ev: s.ev, fn: s.fn})
			return
		}
		if r.kind == "rpc" {
			ev := s.ev
			ev.Detail = x.first(r.method, s)
			s.f.calls = append(s.f.calls, &call{protocol: "rpc", method: ev.Detail, targets: x.values(r.name, s), ev: ev, fn: s.fn})
			return
		}
		method := x.first(r.method, s)
		if r.method.how == fromArg && x.forwardsMethod(s.arg(r.method.i)) {
			method = "*" // a gateway sends on the method it is asked with
		}
		x.httpCall(s.f, s.fn, method, x.values(r.name, s), s.ev)
	case connects:
		if targets := x.values(r.name, s); len(targets) > 0 {
			s.f.brokers = append(s.f.brokers, &call{protocol: r.kind, targets: targets, ev: s.ev, fn: s.fn})
		}
	case dials:
		ev := s.ev
		ev.Detail = s.key[strings.LastIndexByte(s.key, '/')+1:]
		s.f.dials = append(s.f.dials, &call{protocol: "dial", targets: x.values(r.name, s), ev: ev, fn: s.fn})
	case serves:
		routes, whole := x.keyedRoutes(r.name, s)
		for _, route := range routes {
			h := s.arg(r.handler)
			if whole && r.name.how == fromArg && r.method.how != fromArg {
				h = x.keyedHandler(h, s.arg(r.name.i), route, s.bind)
			}
			for _, p := range x.prefixes(recvOf(s.common)) {
				path := joinRoute(p, route)
				if route == "/" && p != "" && r.lib == "github.com/go-chi/chi" {
					path = p // chi serves a sub-router's "/" at /api and /api/
				}
				x.route(s.f, s.handlers, strings.ToUpper(x.first(r.method, s)), path, h, s.ev)
			}
		}
	case publishes, consumes:
		if r.name.how == fromElems {
			if c, ok := s.arg(r.name.i).(*ssa.Const); ok && c.IsNil() {
				// Subscribe(ctx) with no channel yet: the PubSub's own
				// Subscribe names them.
				return
			}
		}
		x.res.topics = true
		topics := x.values(r.name, s)
		x.res.topics = false
		if r.queue.how != none {
			x.binding(s, r, topics)
			return
		}
		x.message(s.f, s.fn, r.kind, r.fact == publishes, topics, s.ev)
		if r.fact == publishes {
			x.published(s, r.kind, topics)
		}
	case opens:
		kind := r.kind
		if r.driver.how != none {
			kind = driverKind(x.first(r.driver, s))
		}
		vals := x.values(r.name, s)
		if r.name.how == fromArg {
			vals = x.res.fixedIf(vals, s.arg(r.name.i))
		}
		if kind == "redis" {
			vals = x.redisDB(s, vals)
		}
		x.store(s.f, s.stores, kind, vals, s.ev)
	case names:
		if r.name.how == fromModel && tableChained(recvOf(s.common), !writesModel(s.key)) {
			// db.Table("archive").Find(&orders): the Table row named
			// the table; the model's would be false. A write's model
			// is the Model call's (db.Model(&User{}).Create(&u)), and
			// still its table. A write chained to a Table call
			// (db.Table("accounts").Create(&a)) writes that table.
			if writesModel(s.key) {
				for _, t := range x.chainedTables(s) {
					x.write(s, t)
				}
			}
			return
		}
		if c, ok := s.instr.(*ssa.Call); ok && r.name.how == fromModels && strings.HasPrefix(s.key, "github.com/go-pg/pg") && retabled(c, 8) {
			return // db.Model(&totals).TableExpr("invoices AS i"): the rows' struct, no table
		}
		xorm := strings.HasPrefix(s.key, "xorm.io/xorm.")
		if xorm && r.name.how != fromArg && !strings.HasSuffix(s.key, ".Table") && (tableChained(recvOf(s.common), false) || sessionRetabled(recvOf(s.common))) {
			return // xorm writes to a Table call's table too
		}
		var names []string
		if r.name.how == fromModels && strings.Contains(s.key, "AutoMigrate") || xorm && xormMigrates(s.key) {
			s.f.autoMigrates = true
		} else if x.ownCode(s.fn) {
			s.f.usesTables = true // not gorm's own code, read as a library's
		}
		if r.name.how == fromFieldElems || r.name.how == fromElems || r.name.how == fromModels || r.name.how == fromSnakeModels {
			// A list names each of its tables: a search over two indices.
			for _, v := range x.values(r.name, s) {
				if !strings.Contains(v.text, "…") && v.text != "" && !slices.Contains(names, v.text) {
					names = append(names, v.text)
				}
			}
		} else if each, ok := x.namesPerCaller(s, r.name); ok {
			names = each
		} else {
			names = x.storeNames(s, x.values(r.name, s))
		}
		var dbs []string
		if r.database.how != none {
			dbs = x.databaseNames(s, x.databaseValues(r.database, s))
		}
		if strings.HasPrefix(s.key, "github.com/doug-martin/goqu.") {
			// goqu.T("coupons"), goqu.I("billing.refunds"): an
			// identifier, not a string.
			for _, n := range x.goquIdents(s, r.name) {
				if !slices.Contains(names, n) {
					names = append(names, n)
				}
			}
		}
		if r.kind == "sql" {
			var tables []string
			for _, n := range names {
				for _, t := range aliasedTables(n) {
					if t != "" && !slices.Contains(tables, t) {
						tables = append(tables, t)
					}
				}
			}
			names = tables
		}
		if r.kind == "sql" && r.name.how == fromElems {
			// A builder's FROM of a name the function's own SQL
			// defines in a WITH clause (upper/db's Iterator("WITH
			// workflows AS ? ?", cte, sel.From("workflows"))) reads no
			// table.
			names = slices.DeleteFunc(names, func(n string) bool { return definesCTE(s.fn, n) })
		}
		for _, name := range names {
			ev := s.ev
			switch {
			case r.name.how == fromModel || r.name.how == fromSnakeModel || r.name.how == fromModels || r.name.how == fromSnakeModels:
				ev.Detail = "model for table " + name
			case r.kind == "sql" || r.kind == "dynamodb" || r.kind == "hbase":
				ev.Detail = "table " + name
			case r.kind == "elasticsearch" && addsDocuments(s):
				ev.Detail = addsTo + name
			case r.kind == "elasticsearch":
				ev.Detail = "index " + name
			default:
				ev.Detail = "collection " + name
			}
			if known := slices.DeleteFunc(slices.Clone(dbs), func(d string) bool { return d == "" }); len(known) > 0 && len(known) == len(dbs) {
				ev.Detail += " in database " + strings.Join(known, ", ")
			}
			x.touch(s.f, s.stores, r.kind, name, ev).inDatabases(name, dbs)
			if writesModel(s.key) {
				x.write(s, name)
			}
			// gorm writes a model's many-to-many join tables when it
			// creates or saves it; a read (Find, First) does not touch
			// them unless preloaded, nor a delete unless told to.
			if r.name.how == fromModel && s.arg(r.name.i) != nil && writesModel(s.key) && !strings.HasSuffix(s.key, ".Delete") {
				for _, j := range joinTables(s.arg(r.name.i)) {
					j = x.gormNaming(s.f.svc.Name).prefix + j
					ev.Detail = "join table " + j + " of the model for table " + name
					x.touch(s.f, s.stores, r.kind, j, ev)
					x.write(s, j)
				}
			}
		}
	case takesSQL:
		s.f.usesTables = s.f.usesTables || x.ownCode(s.fn)
		written := ""
		for _, a := range x.sqlArgs(s) {
			vals := slices.Clone(x.res.strings(a))
			if r.kind == "clickhouse" {
				for i := range vals {
					vals[i].text = clickhouseSQL(vals[i].text)
				}
			}
			withs := ownNames(vals)
			for _, v := range vals {
				var own ctes
				for _, n := range sqlNames(v.text) {
					if engineCatalog(n.table, cmp.Or(r.kind, "sql")) {
						continue // ClickHouse's system.tables, Redshift's stl_load_errors
					}
					if own == nil && len(withs) > 0 {
						own = commonTables(sqlCode(skipSQLComments(v.text)))
					}
					if !strings.Contains(n.table, ".") && withs[strings.ToLower(n.table)] && len(own) > 0 && !own.defines(n.table) {
						// WITH %s … JOIN initial_event: the code defines
						// it on the path that joins it, which archie's
						// texts do not pair. A text with no WITH clause
						// of its own (another caller's INSERT INTO t of
						// a shared helper) names the table.
						continue
					}
					ev := s.ev
					ev.Detail = "SQL names table " + n.table
					x.touch(s.f, s.stores, cmp.Or(r.kind, "sql"), n.table, ev).foldsTo(n.table, ev, n.folded)
				}
				if t := sqlWritten(v.text); t != "" && written == "" {
					written = t
				}
			}
		}
		if written == "" && (s.key == "database/sql.Stmt.Exec" || s.key == "database/sql.Stmt.ExecContext") {
			written = x.preparedWrite(s)
		}
		if written != "" && !preparesOnly(s.key) {
			x.write(s, written)
		}
	}
}

// preparers are the calls that prepare a database/sql statement, each
// with the index of its SQL.
var preparers = []struct {
	key string
	sql int
}{
	{"database/sql.DB.Prepare", 0}, {"database/sql.DB.PrepareContext", 1},
	{"database/sql.Tx.Prepare", 0}, {"database/sql.Tx.PrepareContext", 1},
	{"database/sql.Conn.PrepareContext", 1},
}

// preparedWrite returns the table a prepared statement's Exec writes,
// read from the SQL it was prepared with: s.insert.ExecContext(ctx, id)
// after s.insert, _ = db.Prepare("INSERT INTO orders …") in the
// constructor. The row is written where the statement runs.
func (x *extractor) preparedWrite(s *site) string {
	stmt := s.arg(recv)
	if stmt == nil {
		return ""
	}
	for _, p := range preparers {
		for _, v := range x.res.callArg(stmt, p.key, p.sql) {
			if t := sqlWritten(v.text); t != "" {
				return t
			}
		}
	}
	return ""
}

// preparesOnly reports whether a call that takes SQL prepares a statement
// and runs nothing (database/sql's, sqlx's and pgx's Prepare): preparing
// an INSERT at start-up writes no row.
func preparesOnly(key string) bool {
	switch key[strings.LastIndexByte(key, '.')+1:] {
	case "Prepare", "PrepareContext", "Preparex", "PreparexContext", "PrepareNamed", "PrepareNamedContext":
		return true
	}
	return false
}

// sqlArgs returns the arguments of a call that may hold SQL: those that
// are not its query's arguments, go-pg's string handed as an interface,
// or for xorm, whose calls may take the SQL as the first of their
// arguments (Exec(sqlOrArgs ...any)), that one.
func (x *extractor) sqlArgs(s *site) []ssa.Value {
	if !strings.HasPrefix(s.key, "xorm.io/xorm.") {
		var out []ssa.Value
		for i, a := range s.args {
			if !queryArgs(a) {
				out = append(out, a)
			} else if mi, ok := a.(*ssa.MakeInterface); ok && isString(mi.X.Type()) && (strings.HasPrefix(s.key, "github.com/go-pg/pg") || i == 0 && strings.HasPrefix(s.key, "github.com/upper/db.SQL.")) {
				// go-pg takes its SQL as an interface (Exec(query any,
				// params ...any)), upper/db as its first (Query(query
				// any, args ...any)). Other libraries' interface
				// arguments are values (squirrel's Set("hint", "Select
				// from …"), sql.Named): never read as SQL.
				out = append(out, mi.X)
			}
		}
		return out
	}
	if len(s.args) == 0 {
		return nil
	}
	a := s.args[0]
	if _, ok := a.Type().Underlying().(*types.Slice); ok && s.common.Signature().Variadic() && s.common.Signature().Params().Len() == 1 {
		elems, ok := x.res.sliceMembers(a, make(map[ssa.Value]bool))
		if !ok || len(elems) == 0 {
			return nil
		}
		a = elems[0]
	}
	if mi, ok := a.(*ssa.MakeInterface); ok {
		a = mi.X
	}
	return []ssa.Value{a}
}

// queryArgs reports whether an argument of a call that takes SQL is the
// statement's parameters (args ...any, arg interface{}), not its text: a
// parameter "update orders" is a value, and names no table.
func queryArgs(a ssa.Value) bool {
	t := a.Type().Underlying()
	if sl, ok := t.(*types.Slice); ok {
		t = sl.Elem().Underlying()
	}
	_, ok := t.(*types.Interface)
	return ok
}

// published records a call that publishes, for dual writes.
func (x *extractor) published(s *site, kind string, topics []value) {
	ev := s.ev
	ev.Detail = "publishes " + kind
	if len(topics) == 1 && !strings.Contains(topics[0].text, "…") {
		// A shared helper's site may publish to several: one is named.
		ev.Detail += " " + envRef.ReplaceAllStringFunc(topics[0].text, func(ref string) string {
			return x.deploy.shown(s.f.svc, s.f.entryDir, ref)
		})
	}
	s.f.publishes = append(s.f.publishes, &access{instr: s.instr, ev: ev})
}

// asyncInput records what a sarama async producer publishes: the topics
// of the messages sent on its Input() channel, by a send statement or a
// select's case (select { case p.Input() <- msg: case <-ctx.Done(): }).
func (x *extractor) asyncInput(s *site, r *recognizer) {
	call, ok := s.instr.(*ssa.Call)
	if !ok || call.Referrers() == nil {
		return
	}
	sent := func(msg ssa.Value, pos token.Pos) {
		ev, at := s.ev, x.evidence(s.fn, pos)
		ev.Pos, ev.Via = at.Pos, at.Via
		topics := x.res.storedField(msg, "Topic")
		x.message(s.f, s.fn, r.kind, true, topics, ev)
		x.published(s, r.kind, topics)
	}
	for _, ref := range *call.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Send:
			if ref.Chan == call {
				sent(ref.X, ref.Pos())
			}
		case *ssa.Select:
			for _, st := range ref.States {
				if st.Dir == types.SendOnly && st.Chan == call {
					sent(st.Send, st.Pos)
				}
			}
		}
	}
}

// redigoPublish records a redigo Do("PUBLISH", channel, message): a
// command like any other, a publish by its name.
func (x *extractor) redigoPublish(s *site, r *recognizer) {
	// The command is the first string parameter: Do(cmd, args...),
	// DoContext(ctx, cmd, args...), redis.DoContext(c, ctx, cmd, args...).
	cmd := -1
	params := s.common.Signature().Params()
	for i := range params.Len() {
		if b, ok := params.At(i).Type().(*types.Basic); ok && b.Kind() == types.String {
			cmd = i
			break
		}
	}
	if cmd < 0 {
		return
	}
	if !strings.EqualFold(x.first(arg(cmd), s), "PUBLISH") {
		return
	}
	var topics []value
	if ch := sliceElem(s.arg(cmd+1), 0); ch != nil {
		topics = x.res.strings(ch)
	}
	x.message(s.f, s.fn, r.kind, true, topics, s.ev)
	x.published(s, r.kind, topics)
}

// setQueue records a workflow's options that name a task queue: options
// written in place that set none (ActivityOptions{StartToCloseTimeout:
// …}) keep the workflow's own queue, the service's own, and send nothing
// elsewhere.
func (x *extractor) setQueue(s *site, r *recognizer) {
	if lit, ok := literalStruct(s.arg(r.name.i)); ok && !setsField(lit, r.name.field) {
		return
	}
	plain := *r
	plain.do = nil
	x.apply(&plain, s)
}

// literalStruct returns the allocation of a struct value written in
// place (T{…}, loaded from the local it is built in).
func literalStruct(v ssa.Value) (*ssa.Alloc, bool) {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return nil, false
	}
	a, ok := u.X.(*ssa.Alloc)
	return a, ok
}

// restyCall records a resty request: a path (/orders) is sent under the
// base URL its client was given (SetBaseURL, or SetHostURL before v2.7),
// a full URL as it is.
func (x *extractor) restyCall(s *site, r *recognizer) {
	urls := x.values(r.name, s)
	pkg, _, _ := strings.Cut(s.key, ".Request.")
	// The request, through its setters (R().SetPathParam(…).Get), to the
	// client that made it.
	var bases []value
	req := recvOf(s.common)
	for range 8 {
		c, ok := req.(*ssa.Call)
		if !ok {
			break
		}
		k := calleeKey(c.Common())
		if k == pkg+".Client.R" || k == pkg+".Client.NewRequest" {
			bases = x.res.restyBases(recvOf(c.Common()), pkg, 0)
			break
		}
		if !strings.HasPrefix(k, pkg+".Request.") {
			break
		}
		req = recvOf(c.Common())
	}
	if distinct := uniqTexts(bases); len(distinct) > 1 {
		// Set to several (set again, or one field's type holding
		// clients of different services): which one a request goes to
		// depends on when and on which value, which archie does not
		// follow. The path stays as it is, unresolved.
		bases = nil
	}
	if len(bases) > 0 {
		var joined []value
		for _, u := range urls {
			if !strings.HasPrefix(u.text, "/") {
				joined = append(joined, u)
				continue
			}
			for _, b := range bases {
				j := b
				j.text = strings.TrimSuffix(b.text, "/") + u.text
				j.lit = u.lit && b.lit
				j.env = append(slices.Clone(b.env), u.env...)
				if j.config == "" {
					j.config = u.config
				}
				joined = append(joined, j)
			}
		}
		urls = joined
	}
	x.httpCall(s.f, s.fn, x.first(r.method, s), urls, s.ev)
}

// daprInvoke records a Dapr service invocation: app ID and method, as the
// URL the sidecar calls.
func (x *extractor) daprInvoke(s *site, r *recognizer) {
	urls := concat(concat(concat([]value{{text: "http://", lit: true}}, x.values(r.name, s)), []value{{text: "/", lit: true}}), x.values(arg(2), s))
	x.httpCall(s.f, s.fn, x.first(r.method, s), urls, s.ev)
}

// watermillPublish records a watermill publish. watermill-http's
// Publisher, where the code shows it is the one publishing, takes a URL
// for its topic and POSTs the message there: that is an HTTP call, not a
// message. (Other backends' topics may be URLs too: an SQS queue's.)
func (x *extractor) watermillPublish(s *site, r *recognizer) {
	var topics, urls []value
	viaHTTP := false
	if end := watermillEnd(s, 4); end != nil {
		n := namedOf(concrete(end).Type())
		viaHTTP = n != nil && n.Pkg() != nil && normPath(n.Pkg().Path()) == "github.com/ThreeDotsLabs/watermill-http/pkg/http" && n.Name() == "Publisher"
	}
	for _, v := range x.values(r.name, s) {
		if t := strings.ToLower(v.text); viaHTTP && (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://")) {
			urls = append(urls, v)
		} else {
			topics = append(topics, v)
		}
	}
	if len(urls) > 0 {
		x.httpCall(s.f, s.fn, "POST", urls, s.ev)
		if len(topics) == 0 {
			return
		}
	}
	x.message(s.f, s.fn, r.kind, true, topics, s.ev)
	x.published(s, r.kind, topics)
	x.watermillSQL(s, watermillEnd(s, 4), "Publisher", topics)
}

// watermillConsume records a watermill subscription, and the tables
// watermill-sql's subscriber reads it from.
func (x *extractor) watermillConsume(s *site, r *recognizer) {
	topics := x.values(r.name, s)
	x.message(s.f, s.fn, r.kind, false, topics, s.ev)
	x.watermillSQL(s, watermillEnd(s, 2), "Subscriber", topics)
}

// watermillSQLPkg is watermill-sql's package, as normPath writes it.
const watermillSQLPkg = "github.com/ThreeDotsLabs/watermill-sql/pkg/sql"

// watermillEnd returns the publisher or subscriber a watermill call uses:
// the receiver of a Publish or Subscribe, else the router's argument i.
func watermillEnd(s *site, i int) ssa.Value {
	if strings.HasSuffix(s.key, ".Publish") || strings.HasSuffix(s.key, ".Subscribe") {
		return s.arg(recv)
	}
	return s.arg(i)
}

// watermillSQL records the tables watermill-sql keeps the topics in when
// end, a publisher or subscriber (what), is one of its own: each topic's
// messages in watermill_TOPIC (its MySQL and PostgreSQL schemas, queue
// schemas too), and a subscriber's offsets in watermill_offsets_TOPIC
// when its config's offsets adapter, in sight, is a default one. A
// schema that names its tables itself (GenerateMessagesTableName) names
// none here.
func (x *extractor) watermillSQL(s *site, end ssa.Value, what string, topics []value) {
	maker, ok := watermillSQLMaker(end, what)
	if !ok {
		return
	}
	offsets := false
	if maker != nil && len(maker.Args) > 1 {
		cfg := maker.Args[1]
		for _, schema := range x.res.fieldValues(cfg, "SchemaAdapter") {
			if len(x.res.fieldValues(concrete(schema), "GenerateMessagesTableName")) > 0 {
				return
			}
		}
		for _, a := range x.res.fieldValues(cfg, "OffsetsAdapter") {
			if n := namedOf(concrete(a).Type()); n != nil && (n.Name() == "DefaultMySQLOffsetsAdapter" || n.Name() == "DefaultPostgreSQLOffsetsAdapter") {
				offsets = what == "Subscriber"
			}
		}
	}
	for _, t := range topics {
		if t.text == "" || strings.ContainsAny(t.text, "…${}/:` \"") {
			continue
		}
		ev := s.ev
		ev.Detail = "watermill-sql's table of topic " + t.text
		x.touch(s.f, s.stores, "sql", "watermill_"+t.text, ev)
		if offsets {
			ev.Detail = "watermill-sql's offsets of topic " + t.text
			x.touch(s.f, s.stores, "sql", "watermill_offsets_"+t.text, ev)
		}
	}
}

// watermillSQLMaker reports whether v, a publisher or subscriber (what),
// is watermill-sql's, and returns the call of its NewPublisher or
// NewSubscriber that made it where the code shows it.
func watermillSQLMaker(v ssa.Value, what string) (*ssa.CallCommon, bool) {
	if v == nil {
		return nil, false
	}
	v = concrete(v)
	if e, ok := v.(*ssa.Extract); ok {
		if c, ok := e.Tuple.(*ssa.Call); ok && calleeKey(c.Common()) == watermillSQLPkg+".New"+what {
			return c.Common(), true
		}
	}
	if n := namedOf(v.Type()); n != nil && n.Pkg() != nil && normPath(n.Pkg().Path()) == watermillSQLPkg {
		return nil, n.Name() == what
	}
	return nil, false
}

// concrete returns the value an interface value was made from, where the
// conversion is in sight.
func concrete(v ssa.Value) ssa.Value {
	for range 4 {
		switch w := v.(type) {
		case *ssa.MakeInterface:
			v = w.X
		case *ssa.ChangeInterface:
			v = w.X
		case *ssa.ChangeType:
			v = w.X
		default:
			return v
		}
	}
	return v
}

// awsMessage records an SQS, SNS or Kinesis message sent or received, by
// the queue's, topic's or stream's name: the last element of its URL or
// ARN (https://sqs.eu-west-1.amazonaws.com/123456789012/orders,
// arn:aws:sns:eu-west-1:123456789012:orders), as the code elsewhere may
// name it alone. An SQS queue URL asked of GetQueueUrl is its QueueName.
func (x *extractor) awsMessage(s *site, r *recognizer) {
	names := x.values(r.name, s)
	if r.kind == "sqs" && len(names) == 0 {
		names = x.res.sqsQueueNames(s.arg(r.name.i))
	}
	for i := range names {
		names[i].text = awsName(names[i].text)
	}
	x.message(s.f, s.fn, r.kind, r.fact == publishes, names, s.ev)
	if r.fact == publishes {
		x.published(s, r.kind, names)
	}
}

// awsName is the name an SQS queue URL, or an SNS topic's or Kinesis
// stream's ARN, ends with; other texts as they are.
func awsName(text string) string {
	switch {
	case strings.HasPrefix(text, "arn:"):
		text = text[strings.LastIndexAny(text, ":/")+1:]
	case strings.HasPrefix(text, "https://sqs.") || strings.HasPrefix(text, "http://sqs.") || strings.Contains(text, ".amazonaws.com/") || strings.Contains(text, "/queue/"):
		text = strings.TrimSuffix(text, "/")
		text = text[strings.LastIndexByte(text, '/')+1:]
	}
	return text
}

// databaseDepth is how many steps further than other values a database
// name is followed, and databaseBudget bounds the work, in values
// visited, as keyBudget does for keys. A database name is set once at
// start-up and handed down: a constant in a config struct copied into a
// store, read by a wrapper, passed through a tenant helper and a
// migration's range of its own and its tenants' databases (mender's
// services). Where it is not found, the database is unknown, and a table
// of one name in another service's code may be shared.
const (
	databaseDepth  = 4
	databaseBudget = 20000
)

// databaseValues resolves the database a table is named in, followed
// databaseDepth further than other values.
func (x *extractor) databaseValues(o operand, s *site) []value {
	x.res.deeper, x.res.steps, x.res.limit = databaseDepth, 0, databaseBudget
	defer func() { x.res.deeper, x.res.limit = 0, 0 }()
	vals := x.values(o, s)
	if x.res.steps >= x.res.limit {
		// Cut off: a branch not followed may hold another database.
		vals = append(vals, value{text: "…"})
	}
	return vals
}

// databaseNames returns every database a table may be named in, sorted,
// with "" for one archie cannot tell and "…" for the part of a name known
// only at run time (a tenant's "orders-…"). Unlike storeNames it keeps every
// alternative (a helper handed "billing" by one caller and "shop" by
// another names both), but as storeNames does, a deployment's value of a
// variable replaces the code's default for it, and a flag the deployment
// sets replaces the flag's default with a value archie may not know.
func (x *extractor) databaseNames(s *site, vals []value) []string {
	if len(vals) == 0 {
		return []string{""}
	}
	var out []string
	add := func(name string) {
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	deployed := make(map[string]bool) // variables a deployment of the service sets
	var unset []value                 // variables none does
	for _, v := range vals {
		if !strings.Contains(v.text, "${") {
			continue
		}
		if name, ok := x.deployedText(s.f, v.text); ok && !strings.ContainsAny(name, "$…") {
			add(strings.Trim(name, "`\""))
			for _, k := range v.env {
				deployed[k] = true
			}
		} else {
			unset = append(unset, v)
		}
	}
	defaults := make(map[string]bool) // variables a literal stands in for
	for _, v := range vals {
		text := strings.Trim(v.text, "`\"")
		switch {
		case strings.Contains(v.text, "${"):
		case v.listed:
			// A database the server lists: one the code (a migration
			// over its tenants' databases) or another service made.
			// Where it names none, the database is unknown (below).
		case v.fallbackOf != "" && slices.ContainsFunc(strings.Split(v.fallbackOf, ","), func(k string) bool { return deployed[k] }):
			// The deployment sets the variable: its default is dead.
		case v.flag != "" && x.deploy != nil && x.deploy.setsFlags(s.f.svc, s.f.entryDir, v.flag):
			add("") // the deployment passes the flag a value of its own
		case strings.Contains(v.text, "…"):
			// "orders-…", a tenant's database: a name of its own where
			// its known part is one; else one archie cannot tell.
			if known, _, _ := strings.Cut(text, "…"); known != "" || !strings.HasSuffix(text, "…") {
				add(text)
			} else {
				add("")
			}
		case text == "":
			add("")
		default:
			add(text)
			for _, k := range strings.Split(v.fallbackOf, ",") {
				defaults[k] = true
			}
		}
	}
	for _, v := range unset {
		if !slices.ContainsFunc(v.env, func(k string) bool { return defaults[k] }) {
			add("") // no deployment sets it, and no default stands in
		}
	}
	if len(out) == 0 {
		return []string{""}
	}
	slices.Sort(out)
	return out
}

// namesPerCaller reads the table a helper of the service's own code
// names from its parameter, once per call of the helper, each as the
// table of one call: put(table, row) called with "publish" and with
// "feed" writes both, where the helper's one value would be the first.
// It is false where the helper is reached in ways not all seen (through
// an interface, as a value) or from one place.
func (x *extractor) namesPerCaller(s *site, o operand) ([]string, bool) {
	if o.how != fromArg || s.bind != nil || !x.ownCode(s.fn) {
		return nil, false
	}
	p, ok := s.arg(o.i).(*ssa.Parameter)
	if !ok || p.Parent() != s.fn || x.res.valued[s.fn] || len(x.res.invokersOf(s.fn)) > 0 {
		return nil, false
	}
	calls := x.res.callersIn(s.fn)
	if len(calls) < 2 {
		return nil, false
	}
	var names []string
	for _, c := range calls {
		for _, n := range x.storeNames(s, x.res.argStrings(p, bindArgs(s.fn, c.Common().Args))) {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	return names, true
}

// storeNames returns the table, collection or index a call names, from
// the values of its name: a name the environment gives (TableName:
// os.Getenv("TABLE")) is the deployment's value for this service, and
// one it does not give names nothing (another service's ${TABLE} is
// another table); the code's literal otherwise, the first, but not when it
// is the fallback of a variable the deployment sets (table := "events";
// if t := os.Getenv("TABLE"); t != "" { table = t }) or a flag's default
// the deployment sets.
func (x *extractor) storeNames(s *site, vals []value) []string {
	var names []string
	deployed := false
	for _, v := range vals {
		if strings.Contains(v.text, "${") {
			if name, ok := x.deployedText(s.f, v.text); ok {
				deployed = true
				if name = strings.Trim(name, "`\""); name != "" && !slices.Contains(names, name) {
					names = append(names, name)
				}
			}
		}
	}
	for _, v := range vals {
		if strings.Contains(v.text, "${") || strings.Contains(v.text, "…") {
			continue
		}
		if deployed || v.flag != "" && x.deploy != nil && x.deploy.setsFlags(s.f.svc, s.f.entryDir, v.flag) {
			break
		}
		if name := strings.Trim(v.text, "`\""); name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
		break // the first, as before
	}
	return names
}

// deployedText returns a text with the environment variables it holds
// replaced by the values the service's deployment gives them, and false
// when it gives one of them none.
func (x *extractor) deployedText(f *facts, text string) (string, bool) {
	if x.deploy == nil {
		return "", false
	}
	ok := true
	out := envRef.ReplaceAllStringFunc(text, func(ref string) string {
		v, file, set := x.deploy.envIn(f.svc, f.entryDir, envRef.FindStringSubmatch(ref)[1])
		// A Secret's value is used, never shown: no name from it.
		ok = ok && set && !strings.Contains(v, "${") && !strings.HasPrefix(file, "secret ")
		return v
	})
	return out, ok
}

// uniqTexts returns the distinct texts of vs.
func uniqTexts(vs []value) []string {
	var out []string
	for _, v := range vs {
		if !slices.Contains(out, v.text) {
			out = append(out, v.text)
		}
	}
	return out
}

// pubsubV2 records a v2 Publisher's publish or Subscriber's receive, by
// the topic's or subscription's ID.
func (x *extractor) pubsubV2(s *site, r *recognizer) {
	names := x.values(r.name, s)
	for i := range names {
		names[i].text = pubsubID(names[i].text)
	}
	x.message(s.f, s.fn, r.kind, r.fact == publishes, names, s.ev)
	if r.fact == publishes {
		x.published(s, r.kind, names)
	}
}

// createSubscriptionV2 records the topic of a subscription v2's admin
// client creates: CreateSubscription(ctx, &pubsubpb.Subscription{Name:
// "projects/p/subscriptions/s", Topic: "projects/p/topics/t"}).
func (x *extractor) createSubscriptionV2(s *site, r *recognizer) {
	sub := pubsubID(firstOf(x.res.storedField(s.arg(1), "Name")))
	topic := pubsubID(firstOf(x.res.storedField(s.arg(1), "Topic")))
	if sub == "" || topic == "" {
		return
	}
	if s.f.subscriptions == nil {
		s.f.subscriptions = make(map[string]string)
	}
	s.f.subscriptions[sub] = topic
}

// pubsubID is the ID of a Pub/Sub topic or subscription named by its
// full name (projects/p/topics/t), or the name as it is.
func pubsubID(name string) string {
	for _, kind := range []string{"/topics/", "/subscriptions/"} {
		if i := strings.LastIndex(name, kind); i >= 0 && strings.HasPrefix(name, "projects/") {
			return name[i+len(kind):]
		}
	}
	return name
}

// confluentProduce records what confluent-kafka-go's Produce publishes:
// the message's TopicPartition.Topic, a *string (&topic).
func (x *extractor) confluentProduce(s *site, r *recognizer) {
	var topics []value
	if m := s.arg(0); m != nil {
		for _, tp := range x.res.fieldValues(m, "TopicPartition") {
			for _, p := range x.res.fieldValues(tp, "Topic") {
				topics = appendValues(topics, x.res.pointee(p))
			}
		}
	}
	x.message(s.f, s.fn, r.kind, true, topics, s.ev)
	x.published(s, r.kind, topics)
}

// streamsRead records the streams an XRead or XReadGroup reads: the first
// half of its Streams, whose second half are the IDs to read from. Where
// the code appends the IDs in a loop (append(streams, ">") once per
// stream), its texts hold one ">" for them all: the streams are then
// every text that is no ID.
func (x *extractor) streamsRead(s *site, r *recognizer) {
	vs := x.res.fieldSlice(s.arg(1), "Streams")
	half, rest := vs[:(len(vs)+1)/2], vs[(len(vs)+1)/2:]
	if !slices.ContainsFunc(rest, func(v value) bool { return !streamID(v) && !strings.Contains(v.text, "…") }) {
		vs = half
	}
	var out []value
	for _, v := range vs {
		if !streamID(v) {
			out = append(out, v)
		}
	}
	x.message(s.f, s.fn, r.kind, false, out, s.ev)
}

// streamID reports whether a text is an ID a Redis stream is read from:
// ">" (new entries), "$" (the last), or one written as digits
// ("0", "1526919030474-55").
func streamID(v value) bool {
	t := v.text
	if t == ">" || t == "$" {
		return true
	}
	ms, seq, _ := strings.Cut(t, "-")
	return ms != "" && strings.Trim(ms, "0123456789") == "" && strings.Trim(seq, "0123456789") == ""
}

// listDrained records a Redis list read whole as consumed when the same
// function also deletes that list: a queue drained in one transaction
// (LRANGE 0 -1, then DEL). A list only read (a capped timeline, a
// cache), or read beside the deletion of another key, is a key, not a
// queue.
func (x *extractor) listDrained(s *site, r *recognizer) {
	keys := staticKeys(x.keyValues(s.arg(1)))
	for _, b := range s.fn.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			k := calleeKey(c.Common())
			if m := k[strings.LastIndexByte(k, '.')+1:]; (m != "Del" && m != "Unlink") || !redisKeyCommand(k) {
				continue
			}
			args := argsOf(c.Common())
			if takesContext(c.Common()) {
				args = args[1:] // DEL(ctx, keys...); v6 and v7 take no context
			}
			if len(args) == 0 {
				continue
			}
			var deleted []string
			for _, v := range staticKeys(x.keysIn(args[0])) {
				deleted = append(deleted, v.text)
			}
			var drained []value
			for _, v := range keys {
				if slices.Contains(deleted, v.text) {
					drained = append(drained, v)
				}
			}
			if len(drained) > 0 {
				n := len(s.f.messages)
				x.message(s.f, s.fn, r.kind, false, drained, s.ev)
				for _, m := range s.f.messages[n:] {
					m.part = append(m.part, x.evidence(s.fn, instr.Pos()).Pos)
				}
				return
			}
		}
	}
}

// listKeys records a push to, or a pop from, the Redis lists a command
// names, read as its keys are (keyValues): through the helpers and
// closures a queue's key is built in. Only a key known whole is a queue:
// "cart:" + user is one list per user, data more likely than a channel.
func (x *extractor) listKeys(s *site, r *recognizer) {
	if keys := staticKeys(x.keysIn(s.arg(r.name.i))); len(keys) > 0 {
		x.message(s.f, s.fn, r.kind, r.fact == publishes, keys, s.ev)
	}
}

// listMove records a command that pops one list and pushes what it
// popped onto another (RPOPLPUSH, LMOVE and their blocking forms): it
// consumes its source and publishes to its destination.
func (x *extractor) listMove(s *site, r *recognizer) {
	if keys := staticKeys(x.keyValues(s.arg(1))); len(keys) > 0 {
		x.message(s.f, s.fn, r.kind, false, keys, s.ev)
	}
	if keys := staticKeys(x.keyValues(s.arg(2))); len(keys) > 0 {
		x.message(s.f, s.fn, r.kind, true, keys, s.ev)
	}
}

// staticKeys keeps the keys known whole.
func staticKeys(vs []value) []value {
	return slices.DeleteFunc(slices.Clone(vs), func(v value) bool {
		return v.text == "" || strings.ContainsAny(v.text, "…$")
	})
}

// createSubscription records the topic of a Pub/Sub subscription the code
// creates: CreateSubscription(ctx, "orders-sub",
// pubsub.SubscriptionConfig{Topic: client.Topic("orders")}).
func (x *extractor) createSubscription(s *site, r *recognizer) {
	sub := firstOf(x.values(arg(1), s))
	cfg := s.arg(2)
	if sub == "" || cfg == nil {
		return
	}
	for _, v := range x.res.fieldValues(cfg, "Topic") {
		if topic := firstOf(x.res.callArg(v, "cloud.google.com/go/pubsub.Client.Topic", 0)); topic != "" {
			if s.f.subscriptions == nil {
				s.f.subscriptions = make(map[string]string)
			}
			s.f.subscriptions[sub] = topic
		}
	}
}

// write records a call that writes a table. A migration tool's record of
// the versions it applied (schema_migrations, goose_db_version) is no
// change of the service's data: writing it at start-up before the first
// publish is no dual write.
func (x *extractor) write(s *site, table string) {
	if migrationsTable(table) {
		return
	}
	ev := s.ev
	ev.Detail = "writes table " + table
	s.f.writes = append(s.f.writes, &access{instr: s.instr, ev: ev, outbox: isOutbox(table)})
}

// writesModel reports whether a call naming a table by its model or a
// spec writes it: gorm's Create, Save, Updates, Delete, FirstOrCreate and
// ent's create, update and delete specs.
// addsTo begins the evidence of a call that adds a document to an
// index (appendOnly).
const addsTo = "adds documents to index "

// addsDocuments reports whether a recognized Elasticsearch call adds a
// document to its index, and does nothing else with it: the index API
// with no document ID (with one it replaces the document that has it),
// or the create API, which never replaces one. The ID is seen where the
// request is built: an IndexRequest literal's DocumentID, or an
// IndexService's, an index builder's or an option's Id or
// WithDocumentID called in the same function.
func addsDocuments(s *site) bool {
	switch {
	case strings.HasSuffix(s.key, "/esapi.Create"), strings.HasSuffix(s.key, "/typedapi.MethodAPI.Create"):
		return true
	case strings.HasSuffix(s.key, "/esapi.IndexRequest.Do"):
		return !setsDocumentID(s.arg(recv)) && !callsID(s.fn)
	case strings.HasSuffix(s.key, "/esapi.Index"), strings.HasSuffix(s.key, "/olivere/elastic.IndexService.Index"),
		strings.HasSuffix(s.key, "/typedapi.MethodAPI.Index"):
		return !callsID(s.fn)
	}
	return false
}

// setsDocumentID reports whether a request value may carry a document ID:
// one not built in sight (a literal in a local) may.
func setsDocumentID(req ssa.Value) bool {
	load, ok := req.(*ssa.UnOp)
	if !ok {
		return true
	}
	local, ok := load.X.(*ssa.Alloc)
	if !ok || local.Referrers() == nil {
		return true
	}
	for _, ref := range *local.Referrers() {
		if fa, ok := ref.(*ssa.FieldAddr); ok && fieldName(fa) == "DocumentID" {
			return true
		}
	}
	return false
}

// callsID reports whether a function sets a document's ID through an
// Elasticsearch client's builder or option: Id, WithDocumentID.
func callsID(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			k := calleeKey(c.Common())
			if (strings.HasSuffix(k, ".Id") || strings.HasSuffix(k, ".WithDocumentID")) && strings.Contains(k, "elastic") {
				return true
			}
		}
	}
	return false
}

func writesModel(key string) bool {
	if strings.HasPrefix(key, "github.com/Masterminds/squirrel.") {
		return strings.HasPrefix(key, "github.com/Masterminds/squirrel.Insert") || strings.HasPrefix(key, "github.com/Masterminds/squirrel.Update") ||
			strings.HasPrefix(key, "github.com/Masterminds/squirrel.Delete")
	}
	if strings.HasPrefix(key, "github.com/uptrace/bun.") {
		return !strings.Contains(key, ".SelectQuery.")
	}
	if strings.HasPrefix(key, "xorm.io/xorm.") {
		m := key[strings.LastIndexByte(key, '.')+1:]
		return strings.HasPrefix(m, "Insert") || m == "Update" || m == "Delete" || m == "Truncate"
	}
	if strings.HasPrefix(key, "github.com/beego/beego/client/orm.") || strings.HasPrefix(key, "github.com/astaxie/beego/orm.") {
		m := key[strings.LastIndexByte(key, '.')+1:]
		return strings.HasPrefix(m, "Insert") || strings.HasPrefix(m, "Update") || strings.HasPrefix(m, "Delete") || strings.HasPrefix(m, "ReadOrCreate")
	}
	m := key[strings.LastIndexByte(key, '.')+1:]
	if strings.HasPrefix(key, "github.com/tsuna/gohbase/hrpc.") {
		return strings.HasPrefix(m, "NewPut") || strings.HasPrefix(m, "NewDel") || strings.HasPrefix(m, "NewApp") || strings.HasPrefix(m, "NewInc")
	}
	switch m {
	case "Create", "Save", "Updates", "Delete", "FirstOrCreate", "NewCreateSpec", "NewUpdateSpec", "NewDeleteSpec",
		"InsertOne", "InsertMany", "UpdateOne", "UpdateMany", "UpdateByID", "ReplaceOne", "DeleteOne", "DeleteMany",
		"PutItem", "UpdateItem", "DeleteItem", "PutItemWithContext", "UpdateItemWithContext", "DeleteItemWithContext",
		"FindOneAndUpdate", "FindOneAndReplace", "FindOneAndDelete", "BulkWrite":
		return true
	}
	return false
}

// isOutbox reports whether a table is an outbox: events written in the
// transaction of the change, and published from there.
func isOutbox(table string) bool {
	t := strings.ToLower(table[strings.LastIndexByte(table, '.')+1:])
	return strings.Contains(t, "outbox")
}

// migrationsTable reports whether a table is where a migration tool keeps
// the versions it applied: golang-migrate's and Rails' schema_migrations,
// sql-migrate's gorp_migrations, gormigrate's migrations, goose's
// goose_db_version, Flyway's and Atlas's history, a program's own
// db_migrations.
func migrationsTable(table string) bool {
	t := strings.ToLower(table[strings.LastIndexByte(table, '.')+1:])
	switch t {
	case "migrations", "schema_migration", "schema_version", "goose_db_version", "flyway_schema_history", "atlas_schema_revisions":
		return true
	}
	return strings.HasSuffix(t, "_migrations")
}

// muxPattern records a net/http route, whose pattern may start with its
// method: "GET /orders/{id}" (Go 1.22).
func (x *extractor) muxPattern(s *site, r *recognizer) {
	patterns, whole := x.keyedRoutes(r.name, s)
	for _, pattern := range patterns {
		method, path, _ := strings.Cut(pattern, " ")
		if path == "" {
			method, path = "", method
		}
		h := s.arg(r.handler)
		if whole {
			h = x.keyedHandler(h, s.arg(r.name.i), pattern, s.bind)
		}
		for _, p := range x.prefixes(recvOf(s.common)) {
			x.route(s.f, s.handlers, method, joinRoute(p, path), h, s.ev)
		}
	}
}

// gorillaRoute records a gorilla/mux route, whose methods come from a
// .Methods("GET", …) call on the route it returns.
func (x *extractor) gorillaRoute(s *site, r *recognizer) {
	routes := x.routesOf(r.name, s)
	for _, p := range x.prefixes(recvOf(s.common)) {
		for _, route := range routes {
			x.route(s.f, s.handlers, x.gorillaMethods(s.instr), joinRoute(p, route), s.arg(r.handler), s.ev)
		}
	}
}

// gormOpen records a gorm database: gorm.Open(postgres.Open(dsn)) names
// the driver by the dialector's package; jinzhu/gorm's Open(driver, dsn)
// takes them as database/sql does.
func (x *extractor) gormOpen(s *site, r *recognizer) {
	kind, dsn := "sql", []value(nil)
	if c, ok := s.arg(0).(*ssa.Call); ok {
		k := calleeKey(c.Common())
		dot := strings.LastIndexByte(k, '.')
		// The dialector's package names the driver: gorm.io/driver/postgres,
		// github.com/glebarez/sqlite. Its Open takes the DSN, its New a
		// Config whose DSN it is.
		if dot > 0 {
			kind = driverKind(path.Base(k[:dot]))
		}
		if args := argsOf(c.Common()); len(args) > 0 {
			if k[dot+1:] == "New" {
				if dsn = x.res.storedField(args[0], "DSN"); len(dsn) == 0 {
					dsn = x.res.fromConfig(args[0], "DSN")
				}
			} else {
				dsn = x.res.fixedIf(x.res.strings(args[0]), args[0])
			}
		}
	} else if r.driver.how != none {
		kind, dsn = driverKind(x.first(r.driver, s)), x.values(r.name, s)
	}
	x.store(s.f, s.stores, kind, dsn, s.ev)
}

// mongoConnect records a MongoDB client, whose URI is given to
// options.Client().ApplyURI among its options.
func (x *extractor) mongoConnect(s *site, r *recognizer) {
	var uri []value
	for _, a := range s.args {
		uri = append(uri, x.applyURI(a)...)
	}
	x.store(s.f, s.stores, r.kind, uri, s.ev)
}

// esDefaultClient records go-elasticsearch's default client: the cluster
// ELASTICSEARCH_URL names, which the deployment sets per service.
func (x *extractor) esDefaultClient(s *site, r *recognizer) {
	x.store(s.f, s.stores, r.kind, []value{{text: "${ELASTICSEARCH_URL}", env: []string{"ELASTICSEARCH_URL"}}}, s.ev)
}

// namedGRPCCall records a gRPC call whose proto service and method are
// strings (go-kit's transport). One it cannot read is not recorded.
func (x *extractor) namedGRPCCall(s *site, r *recognizer) {
	proto, method := x.first(r.name, s), x.first(r.method, s)
	if proto == "" || method == "" || strings.ContainsAny(proto+method, "…$") {
		return
	}
	ev := s.ev
	ev.Detail = method
	ev.Method = proto + "/" + method
	s.f.calls = append(s.f.calls, &call{protocol: "grpc", proto: proto, method: method, ev: ev, fn: s.fn})
}

// entSpecTable reads the table of a spec literal ent's generated code
// builds (ent before v0.11 writes &sqlgraph.NodeSpec{Table: user.Table}
// rather than calling NewQuerySpec): a store of a constant in the Table
// field of a NodeSpec or CreateSpec.
func (x *extractor) entSpecTable(f *facts, fn *ssa.Function, st *ssa.Store, stores map[string]*Store) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || normPath(named.Obj().Pkg().Path()) != "entgo.io/ent/dialect/sql/sqlgraph" {
		return
	}
	if n := named.Obj().Name(); n != "NodeSpec" && n != "CreateSpec" {
		return
	}
	s, ok := named.Underlying().(*types.Struct)
	if !ok || s.Field(fa.Field).Name() != "Table" {
		return
	}
	table, ok := stringConst(st.Val)
	if !ok || table == "" {
		return
	}
	ev := x.evidence(fn, st.Pos())
	ev.Detail = "table " + table
	x.touch(f, stores, "sql", table, ev)
}

// recordTopics records the topics of the records a variadic produce call
// is given: franz-go's ProduceSync(ctx, &kgo.Record{Topic: "orders"}, …).
func (x *extractor) recordTopics(s *site, r *recognizer) {
	var topics []value
	if sl, ok := s.arg(1).(*ssa.Slice); ok {
		for _, e := range sliceElems(sl.X) {
			topics = append(topics, x.res.storedField(e, "Topic")...)
		}
	}
	x.message(s.f, s.fn, r.kind, true, topics, s.ev)
	x.published(s, r.kind, topics)
}

// xormMigrates reports whether an xorm call creates or syncs its beans'
// tables, as a migration does.
func xormMigrates(key string) bool {
	m := key[strings.LastIndexByte(key, '.')+1:]
	return m == "Sync" || m == "Sync2" || m == "CreateTables" || m == "CreateTable"
}

// built returns the value a library's builder method was called on, for
// a value the builder returned: primitive.NewMessage(t, b).WithTag("x")
// is the message NewMessage made. A library's method of the value's own
// type that returns that type returns its receiver, as builders do (the
// program's own methods are read through their bodies).
func (x *extractor) built(v ssa.Value) ssa.Value {
	for range 4 {
		c, ok := v.(*ssa.Call)
		if !ok {
			return v
		}
		fn := c.Common().StaticCallee()
		if fn == nil || len(fn.Blocks) > 0 && x.ownCode(fn) || fn.Signature.Recv() == nil || len(c.Common().Args) == 0 ||
			fn.Signature.Results().Len() != 1 || !types.Identical(fn.Signature.Results().At(0).Type(), fn.Signature.Recv().Type()) {
			return v
		}
		v = c.Common().Args[0]
	}
	return v
}

// namedTopic records a message to or from a topic that its broker knows
// by more than one name, by the name it is matched under (canonicalTopic).
func (x *extractor) namedTopic(s *site, r *recognizer) {
	x.res.topics = true
	names := x.values(r.name, s)
	x.res.topics = false
	for i := range names {
		names[i].text = canonicalTopic(r.kind, names[i].text)
	}
	x.message(s.f, s.fn, r.kind, r.fact == publishes, names, s.ev)
	if r.fact == publishes {
		x.published(s, r.kind, names)
	}
}

// canonicalTopic is the name a topic is matched under: a persistent
// Pulsar topic by its short name (orders for
// persistent://public/default/orders or public/default/orders,
// acme/prod/orders for persistent://acme/prod/orders), an MQTT
// shared subscription ($share/GROUP/filter, EMQX's $queue/filter) by its
// filter.
func canonicalTopic(kind, name string) string {
	switch kind {
	case "pulsar":
		// A topic is persistent unless named non-persistent://.
		name, _ = strings.CutPrefix(name, "persistent://")
		if rest, ok := strings.CutPrefix(name, "public/default/"); ok && rest != "" {
			return rest
		}
	case "mqtt":
		if rest, ok := strings.CutPrefix(name, "$share/"); ok {
			if _, filter, ok := strings.Cut(rest, "/"); ok && filter != "" {
				return filter
			}
		}
		if rest, ok := strings.CutPrefix(name, "$queue/"); ok && rest != "" {
			return rest
		}
	}
	return name
}

// clickhouseOpen records the ClickHouse store clickhouse-go's options
// open: the DSN they were parsed from, else each address with the
// database Auth names, ClickHouse's "default" when a literal written out
// in the call names none. A database archie cannot read leaves the store
// without one (clickhouse://ADDR/…), never judged shared with another on
// that server.
func (x *extractor) clickhouseOpen(s *site, r *recognizer) {
	if dsn := x.values(r.name, s); len(dsn) > 0 {
		x.store(s.f, s.stores, r.kind, dsn, s.ev)
		return
	}
	var out []value
	for _, addr := range x.values(fieldElems(0, "Addr"), s) {
		db := x.clickhouseDatabase(s.arg(0))
		addr.text = "clickhouse://" + addr.text + "/" + db
		addr.lit = addr.lit && db != "…"
		out = append(out, addr)
	}
	x.store(s.f, s.stores, r.kind, out, s.ev)
}

// clickhouseDatabase reads Auth.Database of the clickhouse.Options
// literal opts points to: its one literal value, "default" when the
// literal sets none, else "…".
func (x *extractor) clickhouseDatabase(opts ssa.Value) string {
	db, set, known := x.literalOption(opts, "Auth", "Database")
	switch {
	case !known:
		return "…"
	case !set:
		return "default"
	}
	return db
}

// literalOption reads a string field, through nested struct fields, of
// the options literal opts points to (&clickhouse.Options{Auth:
// clickhouse.Auth{Database: "x"}}): its one literal value. set is false
// when the literal leaves the field out; known is false when archie
// cannot tell what it holds (a literal built elsewhere, a value read at
// run time, several).
func (x *extractor) literalOption(opts ssa.Value, path ...string) (text string, set, known bool) {
	lit, ok := opts.(*ssa.Alloc)
	if !ok || lit.Comment != "complit" {
		return "", false, false
	}
	for n, name := range path {
		_, f, ok := structField(lit, name)
		if !ok {
			return "", false, false
		}
		var stored []ssa.Value
		for _, v := range storedAt(lit, f) {
			if _, zero := v.(*ssa.Const); !zero || n == len(path)-1 {
				stored = append(stored, v)
			}
		}
		if n < len(path)-1 && deeperWrites(lit, f) {
			return "", true, false // opts.Auth.Database = …, after the literal
		}
		if len(stored) == 0 {
			return "", false, true
		}
		if n == len(path)-1 {
			var vals []value
			for _, v := range stored {
				vals = appendValues(vals, x.res.strings(v))
			}
			if len(vals) == 1 && vals[0].lit {
				return vals[0].text, true, true
			}
			return "", true, false
		}
		// A nested literal, built beside and stored whole.
		u, ok := stored[0].(*ssa.UnOp)
		if len(stored) > 1 || !ok {
			return "", true, false
		}
		// (Not a variable the code loads: a parameter it spilled.)
		if lit, ok = u.X.(*ssa.Alloc); !ok || lit.Comment != "complit" {
			return "", true, false
		}
	}
	return "", false, false
}

// pgConnect records the PostgreSQL database go-pg's options open: the
// URL ParseURL read, else their address and database. One they leave
// out is go-pg's default, read from the environment (PGHOST, PGDATABASE)
// before its own: archie does not know it, and a store whose database
// it does not know is never judged shared.
func (x *extractor) pgConnect(s *site, r *recognizer) {
	if url := x.values(r.name, s); len(url) > 0 {
		x.store(s.f, s.stores, r.kind, url, s.ev)
		return
	}
	opts := s.arg(0)
	db, set, known := x.literalOption(opts, "Database")
	if !known || !set {
		db = "…" // go-pg's default is $PGDATABASE, else postgres
	}
	addrs := x.values(field(0, "Addr"), s)
	if _, set, known := x.literalOption(opts, "Addr"); known && !set {
		addrs = []value{{text: "…"}} // $PGHOST and $PGPORT, else localhost:5432
	}
	var out []value
	for _, addr := range addrs {
		addr.text = "postgres://" + addr.text + "/" + db
		addr.lit = addr.lit && db != "…"
		out = append(out, addr)
	}
	x.store(s.f, s.stores, r.kind, out, s.ev)
}

// isString reports whether t is a string type.
func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// retabled reports whether the go-pg query a Model call starts is given
// its table later in its chain (db.Model(&totals).TableExpr("invoices AS
// i").Select()): its model is then only where the rows go.
func retabled(v ssa.Value, depth int) bool {
	if depth == 0 || v.Referrers() == nil {
		return false
	}
	for _, ref := range *v.Referrers() {
		c, ok := ref.(*ssa.Call)
		if !ok || len(c.Call.Args) == 0 || c.Call.Args[0] != v {
			continue
		}
		k := calleeKey(c.Common())
		if !strings.HasPrefix(k, "github.com/go-pg/pg/orm.Query.") {
			continue
		}
		if m := k[strings.LastIndexByte(k, '.')+1:]; m == "Table" || m == "TableExpr" || retabled(c, depth-1) {
			return true
		}
	}
	return false
}

// deeperWrites reports whether the code writes into the struct field f of
// the struct alloc holds, field by field: opts.Auth.Database = db.
func deeperWrites(alloc *ssa.Alloc, f int) bool {
	for _, ref := range *alloc.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Field != f || fa.Referrers() == nil {
			continue
		}
		for _, u := range *fa.Referrers() {
			if _, ok := u.(*ssa.FieldAddr); ok {
				return true
			}
		}
	}
	return false
}

// clickhouseDialect matches what ClickHouse's SQL says that reads as a
// table to a SQL database's grammar: a mutation's UPDATE (ALTER TABLE t
// UPDATE col = …), ARRAY JOIN of a column, INSERT INTO FUNCTION.
var clickhouseDialect = regexp.MustCompile(`(?i)\b(?:(alter\s+table\s+\S+)\s+update\s+\w+|array\s+join\s+\w+|into\s+function\b)`)

// clickhouseSQL takes out of ClickHouse SQL what a SQL database's grammar
// would read as a table, keeping the table a mutation alters.
func clickhouseSQL(q string) string {
	return clickhouseDialect.ReplaceAllString(q, "$1")
}

// sessionRetabled reports whether the code calls Table or SQL on the very
// xorm session v is, as a statement of its own (s.Table("archive");
// s.Insert(&o)): the session keeps that table for its next query,
// whichever call makes it.
func sessionRetabled(v ssa.Value) bool {
	if v == nil || v.Referrers() == nil {
		return false
	}
	for _, ref := range *v.Referrers() {
		c, ok := ref.(ssa.CallInstruction)
		if !ok || len(c.Common().Args) == 0 || c.Common().Args[0] != v {
			continue
		}
		// A call whose session no query chain goes on from: the
		// session keeps its table for the next query.
		if call, ok := c.(*ssa.Call); !ok || call.Referrers() != nil && len(*call.Referrers()) > 0 {
			continue
		}
		switch calleeKey(c.Common()) {
		case "xorm.io/xorm.Session.Table", "xorm.io/xorm.Session.SQL":
			return true
		}
	}
	return false
}

// placeholderCTE matches a WITH clause's AS before a placeholder.
var placeholderCTE = regexp.MustCompile(`(?i)(\bas\s+)\?`)

// definesCTE reports whether fn defines name as a common table
// expression around a builder's query: a SQL template of fn whose WITH
// clause gives it a placeholder for a body (upper/db's Iterator("WITH
// workflows AS ? ?", cte, sel.From("workflows"))), or goqu's
// With("recent", …). A whole statement's WITH (another query of fn) is
// its own.
func definesCTE(fn *ssa.Function, name string) bool {
	if fn == nil {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				if callee := call.Common().StaticCallee(); callee != nil && (callee.Name() == "With" || callee.Name() == "WithRecursive") &&
					callee.Pkg != nil && strings.HasPrefix(normPath(callee.Pkg.Pkg.Path()), "github.com/doug-martin/goqu") && len(call.Common().Args) > 1 {
					if c, ok := call.Common().Args[1].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(c.Value), name) {
						return true // ds.With("recent", sub): the receiver is Args[0]
					}
				}
			}
			for _, op := range instr.Operands(nil) {
				c, ok := (*op).(*ssa.Const)
				if !ok || c.Value == nil || c.Value.Kind() != constant.String {
					continue
				}
				text := constant.StringVal(c.Value)
				if len(text) < 8 || !placeholderCTE.MatchString(text) {
					continue
				}
				// The placeholder stands for the subquery: WITH
				// workflows AS ? is WITH workflows AS (…).
				text = placeholderCTE.ReplaceAllString(text, "${1}(")
				if commonTables(sqlCode(skipSQLComments(text))).defines(name) {
					return true
				}
			}
		}
	}
	return false
}

// aliasedName matches one table's name, its parts quoted or not
// ("order items", "public"."payments"), and an alias after it.
var aliasedName = regexp.MustCompile("^((?:\"[^\"]+\"|`[^`]+`|[A-Za-z_][A-Za-z0-9_$]*)(?:\\.(?:\"[^\"]+\"|`[^`]+`|[A-Za-z_][A-Za-z0-9_$]*))*)(?:\\s+(?:(?i:as)\\s+)?[A-Za-z_][A-Za-z0-9_]*)?\\s*$")

// aliasedTables returns the tables a builder's table argument names: the
// name before an alias (gorm's Table("orders AS o"), squirrel's
// From("orders o")), each table of a join, none for a derived table
// whose subquery is a placeholder (Table("(?) AS recent", sub)), as a
// FROM clause names them.
func aliasedTables(n string) []string {
	n = strings.TrimSpace(n)
	if !strings.ContainsAny(n, " \t\n(\"`") {
		return []string{n}
	}
	if len(n) > 5 && strings.EqualFold(n[:5], "only ") {
		n = strings.TrimSpace(n[5:]) // PostgreSQL's ONLY orders: not its children
	}
	if m := aliasedName.FindStringSubmatch(n); m != nil {
		return []string{strings.NewReplacer("`", "", `"`, "").Replace(m[1])}
	}
	var out []string
	for _, name := range sqlNames("SELECT 1 FROM " + n) {
		out = append(out, name.table)
	}
	return out
}

// goquIdents returns the tables a goqu dataset's argument names as
// identifiers: goqu.T("coupons"), goqu.I("billing.refunds"), whose
// argument is a constant.
func (x *extractor) goquIdents(s *site, op operand) []string {
	a := s.arg(op.i)
	if a == nil {
		return nil
	}
	vals := []ssa.Value{a}
	if op.how == fromElems {
		elems, ok := x.res.sliceMembers(a, make(map[ssa.Value]bool))
		if !ok {
			return nil
		}
		vals = elems
	}
	var out []string
	for _, v := range vals {
	unwrap:
		for {
			switch c := v.(type) {
			case *ssa.MakeInterface:
				v = c.X
			case *ssa.ChangeInterface: // goqu's expression interface as any
				v = c.X
			case *ssa.ChangeType:
				v = c.X
			default:
				break unwrap
			}
		}
		call, ok := v.(*ssa.Call)
		if !ok {
			continue
		}
		callee := call.Call.StaticCallee()
		if callee == nil || callee.Pkg == nil || callee.Signature.Recv() != nil || (callee.Name() != "T" && callee.Name() != "I") ||
			!strings.HasPrefix(normPath(callee.Pkg.Pkg.Path()), "github.com/doug-martin/goqu") || len(call.Call.Args) != 1 {
			continue
		}
		if c, ok := call.Call.Args[0].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
			if n := constant.StringVal(c.Value); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}
