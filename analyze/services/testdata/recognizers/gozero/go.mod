module example.com/gozero

go 1.22

require (
	github.com/zeromicro/go-zero v1.0.0
	github.com/zeromicro/go-queue v1.0.0
)
