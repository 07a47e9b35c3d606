module example.com/kitex

go 1.22

require github.com/cloudwego/kitex v0.8.0
