// Command swaggerclient calls an API through go-swagger's generated
// client: a transport made from the generated TransportConfig with a
// host, and one made by httptransport.New directly with another. The
// client's operations are one code for both: which host each call goes
// to is not known, and the path stays as the operation gives it.
package main

import (
	httptransport "github.com/go-openapi/runtime/client"

	"example.com/swaggerclient/client"
	"example.com/swaggerclient/client/operations"
)

func main() {
	c := client.NewHTTPClientWithConfig(nil, client.DefaultTransportConfig().WithHost("backend:8080"))
	c.Operations.PutScan(&operations.PutScanParams{ID: "1"}) // want "call http PUT /scans/…"

	t := httptransport.New("reports:9090", "/v1", []string{"https"})
	r := client.New(t, nil)
	r.Operations.GetReports(&operations.GetReportsParams{}) // want "call http GET /reports"
}
