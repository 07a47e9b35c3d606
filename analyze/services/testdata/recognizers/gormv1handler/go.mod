module example.com/gormv1handler

go 1.22

require github.com/jinzhu/gorm v1.9.16
