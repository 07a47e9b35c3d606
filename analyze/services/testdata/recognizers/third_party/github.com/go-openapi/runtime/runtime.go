package runtime

type ClientOperation struct {
	ID          string
	Method      string
	PathPattern string
	Params      any
}

type ClientTransport interface {
	Submit(*ClientOperation) (any, error)
}
