module example.com/redigo

go 1.22

require github.com/gomodule/redigo v1.0.0
