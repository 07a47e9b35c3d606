module example.com/hertz

go 1.22

require github.com/cloudwego/hertz v0.7.0
