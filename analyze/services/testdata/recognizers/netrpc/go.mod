module example.com/netrpc

go 1.22
