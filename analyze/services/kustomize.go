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
		images     []kustomImage
		resources  []string // folders, relative to the root, with a slash
		components []string // likewise: their entries are the includer's
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
			Resources  []string `yaml:"resources"`
			Bases      []string `yaml:"bases"`
			Components []string `yaml:"components"`
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
		folders := func(rs []string) []string {
			var out []string
			for _, r := range rs {
				if p := path.Clean(path.Join(dir, filepath.ToSlash(r))); p != dir && isDir(filepath.Join(root, filepath.FromSlash(p))) {
					out = append(out, p)
				}
			}
			return out
		}
		k.resources = folders(slices.Concat(doc.Resources, doc.Bases))
		k.components = folders(doc.Components)
		found[dir] = k
	}
	// A component's entries are those of the kustomization that lists it.
	var entries func(k *kustomization, depth int) []kustomImage
	entries = func(k *kustomization, depth int) []kustomImage {
		out := slices.Clone(k.images)
		for _, c := range k.components {
			if ck := found[c]; ck != nil && depth < 4 {
				out = append(out, entries(ck, depth+1)...)
			}
		}
		return out
	}
	// Each kustomization's entries apply to its folder and, through its
	// resources, to every folder they include in turn.
	for dir, k := range found {
		images := entries(k, 0)
		if len(images) == 0 {
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
			for _, img := range images {
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
// runs where the kustomizations that build it rename ref, one rename
// after another (a base's, then an overlay's of the base's new name):
// ref itself where none does. Where two that may build it give it names
// apart (a registry per environment), the name stays; where they give
// it one name and tags apart (dev, v1.2), the tag does.
func (d *deployment) kustomized(rel, ref string) string {
	for range 4 {
		next := d.kustomizedOnce(rel, ref)
		if next == ref {
			break
		}
		ref = next
	}
	return ref
}

// kustomizedOnce is one rename of kustomized's.
func (d *deployment) kustomizedOnce(rel, ref string) string {
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
	var names, tags []string
	for dir, imgs := range d.kustomImages {
		if dir != "." && !within(rel, dir) {
			continue
		}
		for _, img := range imgs {
			if img.name != name {
				continue
			}
			if !slices.Contains(names, img.newName) {
				names = append(names, img.newName)
			}
			if !slices.Contains(tags, img.newTag) {
				tags = append(tags, img.newTag)
			}
		}
	}
	if len(names) == 1 && names[0] != "" {
		name = names[0]
	}
	if len(tags) == 1 && tags[0] != "" {
		tag = ":" + tags[0]
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
