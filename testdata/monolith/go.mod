module example.com/monolith

go 1.22
