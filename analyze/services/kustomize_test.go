package services

import (
	"os"
	"path/filepath"
	"testing"
)

func TestKustomized(t *testing.T) {
	files := map[string]string{
		"config/manager/kustomization.yaml": "resources:\n- manager.yaml\nimages:\n- name: controller\n  newName: ghcr.io/acme/op\n  newTag: v1\n",
		"config/default/kustomization.yaml": "resources:\n- ../manager\n",
		"base/kustomization.yaml":           "resources:\n- app.yaml\n",
		"overlays/prod/kustomization.yaml":  "resources:\n- ../../base\nimages:\n- name: api\n  newName: registry.example.com:5000/shop/api\n",
		"overlays/dev/kustomization.yaml":   "resources:\n- ../../base\nimages:\n- name: api\n  newName: localhost/api\n- name: worker\n  newTag: dev\n",
		"other/kustomization.yaml":          "images: [not, a, list, of, maps\n",
		"op/base/kustomization.yaml":        "resources:\n- manager.yaml\nimages:\n- name: controller\n  newName: example.com/op\n  newTag: dev\n",
		"op/dev/kustomization.yaml":         "resources:\n- ../base\ncomponents:\n- ../component\n",
		"op/prod/kustomization.yaml":        "resources:\n- ../base\n",
		"op/component/kustomization.yaml":   "kind: Component\nimages:\n- name: example.com/op\n  newName: ghcr.io/acme/op\n",
		"tags/base/kustomization.yaml":      "resources:\n- app.yaml\n",
		"tags/dev/kustomization.yaml":       "resources:\n- ../base\nimages:\n- name: api\n  newName: ghcr.io/acme/api\n  newTag: dev\n",
		"tags/prod/kustomization.yaml":      "resources:\n- ../base\nimages:\n- name: api\n  newName: ghcr.io/acme/api\n  newTag: v1\n",
	}
	dir := t.TempDir()
	var paths []string
	for rel, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	d := &deployment{root: realPath(dir)}
	d.kustomizeImages(dir, paths)
	for _, tc := range []struct {
		name, rel, ref, want string
	}{
		{"its own folder's manifest", "config/manager/manager.yaml", "controller:latest", "ghcr.io/acme/op:v1"},
		{"without a tag", "config/manager/manager.yaml", "controller", "ghcr.io/acme/op:v1"},
		{"another image", "config/manager/manager.yaml", "busybox:1", "busybox:1"},
		{"a folder no kustomization with images builds", "deploy/app.yaml", "controller:latest", "controller:latest"},
		{"a base two overlays rename apart", "base/app.yaml", "api:1.0", "api:1.0"},
		{"an overlay's own manifest", "overlays/prod/patch.yaml", "api:1.0", "registry.example.com:5000/shop/api:1.0"},
		{"a new tag only, through the base", "base/app.yaml", "worker:latest", "worker:dev"},
		{"overlays agree on the name, not the tag", "tags/base/app.yaml", "api:latest", "ghcr.io/acme/api:latest"},
		{"a base's rename, then a component's of the new name", "op/base/manager.yaml", "controller:latest", "ghcr.io/acme/op:dev"},
		{"a new tag replaces a digest", "config/manager/manager.yaml", "controller@sha256:abc", "ghcr.io/acme/op:v1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.kustomized(tc.rel, tc.ref); got != tc.want {
				t.Errorf("kustomized(%q, %q) = %q, want %q", tc.rel, tc.ref, got, tc.want)
			}
		})
	}
}
