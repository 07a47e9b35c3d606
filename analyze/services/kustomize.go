package services

import (
	"path"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// kustomImage is an entry of a kustomization's images: kustomize puts
// newName (and newTag, where it gives one) in place of every container
// image of name in the resources the kustomization builds.
type kustomImage struct{ name, newName, newTag string }

// isKustomization reports whether a file name is a kustomization's.
func isKustomization(base string) bool {
	return base == "kustomization.yaml" || base == "kustomization.yml" || base == "Kustomization"
}

// kustomizeImages reads the images: entries of the kustomizations among
// files (absolute) before any manifest is read. An entry applies to the
// manifests below its kustomization's folder, and below the folders its
// resources name, which may be another kustomization's anywhere (an
// overlay's ../../base): a kubebuilder project's manager.yaml runs
// `controller:latest`, which config/manager's kustomization renames to
// the image its Makefile builds.
func (d *deployment) kustomizeImages(root string, files []string) {
	type kustomization struct {
		images    []kustomImage
		resources []string // folders, relative to the root, with a slash
	}
	found := make(map[string]*kustomization) // by folder, relative
	for _, f := range files {
		if !isKustomization(filepath.Base(f)) {
			continue
		}
		data, ok := readSmall(d.root, f)
		if !ok {
			continue
		}
		var doc struct {
			Images []struct {
				Name    string `yaml:"name"`
				NewName string `yaml:"newName"`
				NewTag  string `yaml:"newTag"`
			} `yaml:"images"`
			Resources []string `yaml:"resources"`
			Bases     []string `yaml:"bases"`
		}
		if yaml.Unmarshal(data, &doc) != nil {
			continue
		}
		dir := path.Dir(relTo(root, f))
		k := &kustomization{}
		for _, img := range doc.Images {
			if img.Name != "" && (img.NewName != "" || img.NewTag != "") {
				k.images = append(k.images, kustomImage{img.Name, img.NewName, img.NewTag})
			}
		}
		for _, r := range append(doc.Resources, doc.Bases...) {
			if p := path.Clean(path.Join(dir, filepath.ToSlash(r))); p != dir && isDir(filepath.Join(root, filepath.FromSlash(p))) {
				k.resources = append(k.resources, p)
			}
		}
		found[dir] = k
	}
	// Each kustomization's entries apply to its folder and, through its
	// resources, to every folder they include in turn.
	for dir, k := range found {
		if len(k.images) == 0 {
			continue
		}
		seen := map[string]bool{}
		todo := []string{dir}
		for len(todo) > 0 {
			s := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			if seen[s] {
				continue
			}
			seen[s] = true
			if d.kustomImages == nil {
				d.kustomImages = make(map[string][]kustomImage)
			}
			for _, img := range k.images {
				if !slices.Contains(d.kustomImages[s], img) {
					d.kustomImages[s] = append(d.kustomImages[s], img)
				}
			}
			if r := found[s]; r != nil {
				todo = append(todo, r.resources...)
			}
		}
	}
}

// kustomized returns the image a manifest at rel (relative to the root)
// runs where a kustomization that builds it renames ref: ref itself
// where none does, or where two that may build it rename it apart (a
// registry per environment).
func (d *deployment) kustomized(rel, ref string) string {
	if len(d.kustomImages) == 0 {
		return ref
	}
	name, tag := ref, ""
	if i := strings.IndexByte(name, '@'); i >= 0 {
		name, tag = name[:i], name[i:]
	}
	if i := lastColon(name); i >= 0 {
		name, tag = name[:i], name[i:]+tag
	}
	var to *kustomImage
	for dir, imgs := range d.kustomImages {
		if dir != "." && !within(rel, dir) {
			continue
		}
		for i := range imgs {
			if imgs[i].name != name {
				continue
			}
			if to != nil && *to != imgs[i] {
				return ref
			}
			to = &imgs[i]
		}
	}
	if to == nil {
		return ref
	}
	if to.newName != "" {
		name = to.newName
	}
	if to.newTag != "" {
		tag = ":" + to.newTag
	}
	return name + tag
}

// lastColon returns the index of the colon before an image reference's
// tag, or -1: a registry's port is no tag.
func lastColon(ref string) int {
	if i := strings.LastIndexByte(ref, ':'); i > strings.LastIndexByte(ref, '/') {
		return i
	}
	return -1
}
