module example.com/xormgroup

go 1.22

require xorm.io/xorm v1.3.9
