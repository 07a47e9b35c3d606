package services

import (
	"reflect"
	"testing"

	"github.com/archie-dev/archie/analyze/services/helm"
)

func TestHelmCommand(t *testing.T) {
	for _, c := range []struct {
		line string
		want *helmInstall // nil: not an install
	}{
		{"helm upgrade --install op ./openreplay -n app --create-namespace --wait -f ./vars.yaml --atomic --debug ${HELM_OPTIONS}",
			&helmInstall{chart: "./openreplay", release: "op", values: []string{"./vars.yaml"}}},
		{"helm install --generate-name ./chart --set image.tag=1.2,replicas=3 --set-string v=1", &helmInstall{chart: "./chart", set: []helm.Set{{Text: "image.tag=1.2,replicas=3"}, {Text: "v=1", Strings: true}}}},
		{"helm upgrade --install -o json orders ./orders", &helmInstall{chart: "./orders", release: "orders"}},
		{"helm template ./chart --values=a.yaml,b.yaml --namespace=x", &helmInstall{chart: "./chart", values: []string{"a.yaml", "b.yaml"}, template: true}},
		{"sudo /usr/local/bin/helm upgrade -i shop deploy/shop --values prod.yaml", &helmInstall{chart: "deploy/shop", release: "shop", values: []string{"prod.yaml"}}},
		{"helm upgrade $RELEASE ./shop -f $VALUES", &helmInstall{chart: "./shop", values: []string{"$VALUES"}}},
		{"helm repo add bitnami https://charts.bitnami.com/bitnami", nil},
		{"helm dependency build ./shop", nil},
		{"helm install", nil},
		{"echo helm", nil},
	} {
		d := &deployment{}
		var got *helmInstall
		for _, cmd := range shellCommands(c.line) {
			if in, ok := d.helmCommand("deploy/install.sh", cmd); ok {
				got = &in
			}
		}
		if c.want != nil {
			c.want.script = "deploy/install.sh"
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.line, got, c.want)
		}
	}
}

func TestSetValues(t *testing.T) {
	got := helm.SetValues([]helm.Set{{Text: "global.db.host=pg,global.db.port=5432"}, {Text: "debug=True,quiet=FALSE"}, {Text: "image.tag=NULL"},
		{Text: "list[0]=x"}, {Text: "a\\,b=c"}, {Text: "name=orders,zip=0123,zero=0"}, {Text: "flag=false,n=1", Strings: true}})
	want := map[string]any{"global": map[string]any{"db": map[string]any{"host": "pg", "port": int64(5432)}}, "debug": true, "quiet": false,
		"image": map[string]any{"tag": nil}, "name": "orders", "zip": "0123", "zero": int64(0), "flag": "false", "n": "1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SetValues = %v, want %v", got, want)
	}
}
