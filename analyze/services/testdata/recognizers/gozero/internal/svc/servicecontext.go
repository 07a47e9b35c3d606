package svc

import "net/http"

// ServiceContext holds what goctl's handlers and logic share.
type ServiceContext struct {
	LedgerURL string
}

func NewServiceContext() *ServiceContext { return &ServiceContext{LedgerURL: "http://ledger/entries"} }

// Auth is a go-zero middleware.
func (s *ServiceContext) Auth(next http.HandlerFunc) http.HandlerFunc { return next }
