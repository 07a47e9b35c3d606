package logic

import (
	"context"
	"net/http"

	"example.com/gozero/internal/svc"
)

type GetOrderLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

func NewGetOrderLogic(ctx context.Context, svcCtx *svc.ServiceContext) *GetOrderLogic {
	return &GetOrderLogic{ctx: ctx, svcCtx: svcCtx}
}

func (l *GetOrderLogic) GetOrder() {
	http.Get(l.svcCtx.LedgerURL) // want "call http GET http://ledger/entries in GET /v1/orders/:id"
}
