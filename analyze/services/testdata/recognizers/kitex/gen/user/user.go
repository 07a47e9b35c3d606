// Package user is what Kitex generates for an IDL's types and service
// interface (kitex_gen/user).
package user

import "context"

type LoginReq struct{ Name string }

type LoginResp struct{ Token string }

type UserService interface {
	Login(ctx context.Context, req *LoginReq) (*LoginResp, error)
}
