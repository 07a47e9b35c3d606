// Package stripe stands in for stripe-go's root: helpers, and the client
// of v82 on whose services send.
package stripe

var Key string

func String(v string) *string { return &v }
func Int64(v int64) *int64    { return &v }

type PaymentIntentParams struct{ Amount *int64 }
type PaymentIntent struct{ ID string }

type V1PaymentIntentsService struct{}

func (s *V1PaymentIntentsService) Create(params *PaymentIntentParams) (*PaymentIntent, error) {
	return nil, nil
}

type Client struct{ V1PaymentIntents *V1PaymentIntentsService }

func NewClient(key string) *Client { return &Client{V1PaymentIntents: &V1PaymentIntentsService{}} }

// BackendConfig configures a backend: URL points it elsewhere.
type BackendConfig struct {
	URL           *string
	LeveledLogger any
}

func GetBackendWithConfig(backendType string, config *BackendConfig) any { return nil }
