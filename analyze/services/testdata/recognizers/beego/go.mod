module example.com/beego

go 1.22

require (
	github.com/astaxie/beego v1.12.3
	github.com/beego/beego/v2 v2.3.10
)
