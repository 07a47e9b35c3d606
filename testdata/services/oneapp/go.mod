module example.com/oneapp

go 1.22
