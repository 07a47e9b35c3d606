module example.com/crossing

go 1.22
