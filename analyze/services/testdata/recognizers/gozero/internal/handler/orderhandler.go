package handler

import (
	"net/http"

	"example.com/gozero/internal/logic"
	"example.com/gozero/internal/svc"
)

func GetOrderHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l := logic.NewGetOrderLogic(r.Context(), svcCtx)
		l.GetOrder()
	}
}

func CreateOrderHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.Post("http://payments/charge", "application/json", nil) // want "call http POST http://payments/charge in POST /v1/orders"
	}
}

func DeleteOrderHandler(svcCtx *svc.ServiceContext) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.NewRequest(http.MethodDelete, "http://ledger/entries/1", nil) // want "call http DELETE http://ledger/entries/1 in DELETE /admin/orders/:id"
	}
}

func HealthHandler(w http.ResponseWriter, r *http.Request) {
	http.Get("http://cache/ping") // want "call http GET http://cache/ping in GET /healthz"
}
