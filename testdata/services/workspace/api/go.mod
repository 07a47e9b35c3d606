module example.com/api

go 1.22

require example.com/contracts v0.0.0
