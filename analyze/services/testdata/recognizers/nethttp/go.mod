module example.com/nethttp

go 1.22

require (
	github.com/go-resty/resty/v2 v2.0.0
	resty.dev/v3 v3.0.0
)
