package report

import (
	"fmt"
	"math"
	"sort"
	"unicode/utf8"

	"github.com/archie-dev/archie/rules"
)

// A box is a node placed on the page.
type box struct {
	X, Y, W, H float64 // top-left corner and size
}

func (b box) cx() float64 { return b.X + b.W/2 }

// Sizes of the drawing, in SVG user units (pixels at zoom 1).
const (
	nodeH    = 46.0
	rowGap   = 90.0
	colGap   = 36.0
	margin   = 24.0
	charW    = 7.2
	nodePadX = 22.0
	arcRoom  = 60.0
)

// layoutDiagram places a diagram's nodes in rows by rank, top to bottom, as
// suits an architecture: what imports sits above what it imports. Within a
// row, nodes are ordered to keep edges short and uncrossed (barycentre
// sweeps), then rows are centred.
func layoutDiagram(d *rules.Diagram) (boxes map[string]box, width, height float64) {
	var ranks []int
	rows := make(map[int][]*rules.Node)
	for _, n := range d.Nodes {
		if _, ok := rows[n.Rank]; !ok {
			ranks = append(ranks, n.Rank)
		}
		rows[n.Rank] = append(rows[n.Rank], n)
	}
	sort.Ints(ranks)
	neighbours := make(map[string][]string)
	for _, e := range d.Edges {
		neighbours[e.From] = append(neighbours[e.From], e.To)
		neighbours[e.To] = append(neighbours[e.To], e.From)
	}
	order := make(map[string]float64)
	renumber := func(row []*rules.Node) {
		for i, n := range row {
			order[n.ID] = float64(i)
		}
	}
	for _, r := range ranks {
		renumber(rows[r])
	}
	sweep := func(rs []int) {
		for _, r := range rs {
			row := rows[r]
			bary := make(map[string]float64)
			for _, n := range row {
				sum, k := 0.0, 0
				for _, m := range neighbours[n.ID] {
					sum += order[m]
					k++
				}
				bary[n.ID] = order[n.ID]
				if k > 0 {
					bary[n.ID] = sum / float64(k)
				}
			}
			sort.SliceStable(row, func(i, j int) bool { return bary[row[i].ID] < bary[row[j].ID] })
			renumber(row)
		}
	}
	reversed := make([]int, len(ranks))
	for i, r := range ranks {
		reversed[len(ranks)-1-i] = r
	}
	for range 4 {
		sweep(ranks)
		sweep(reversed)
	}

	boxes = make(map[string]box)
	rowWidth := make(map[int]float64)
	for _, r := range ranks {
		x := 0.0
		for i, n := range rows[r] {
			if i > 0 {
				x += colGap
			}
			w := nodeWidth(n)
			boxes[n.ID] = box{X: x, W: w, H: nodeH}
			x += w
		}
		rowWidth[r] = x
		width = math.Max(width, x)
	}
	for i, r := range ranks {
		shift := margin + (width-rowWidth[r])/2
		y := margin + float64(i)*(nodeH+rowGap)
		for _, n := range rows[r] {
			b := boxes[n.ID]
			b.X += shift
			b.Y = y
			boxes[n.ID] = b
		}
	}
	// Room right and below for the arcs of edges that point up or left.
	return boxes, width + 2*margin + arcRoom, margin*2 + float64(len(ranks))*(nodeH+rowGap) - rowGap + arcRoom
}

func nodeWidth(n *rules.Node) float64 {
	chars := max(utf8.RuneCountInString(n.ID), utf8.RuneCountInString(nodeAbout(n))-4)
	return math.Max(90, float64(chars)*charW+2*nodePadX)
}

// parallelGap is how far apart edges between the same two nodes bow (the
// service map has a call and a shared store between one pair, say).
const parallelGap = 34.0

// edgePath draws an edge between two boxes: down from the bottom of the
// importer to the top of what it imports, up along the side for an edge
// that points up, and as an arc between neighbours in one row. bend bows
// the edge further out, so that edges between one pair stay apart.
func edgePath(a, b box, bend float64) (path string, lx, ly float64) {
	switch {
	case b.Y > a.Y: // downwards
		x1, y1, x2, y2 := a.cx(), a.Y+a.H, b.cx(), b.Y
		dy := (y2 - y1) / 2
		return fmt.Sprintf("M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f", x1, y1, x1+bend, y1+dy, x2+bend, y2-dy, x2, y2), (x1+x2)/2 + bend*0.75, (y1 + y2) / 2
	case b.Y < a.Y: // upwards: leave and enter on the right, bowed out
		x1, y1, x2, y2 := a.X+a.W*0.8, a.Y, b.X+b.W*0.8, b.Y+b.H
		bow := 60.0 + bend
		return fmt.Sprintf("M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f", x1, y1, x1+bow, y1-bow, x2+bow, y2+bow, x2, y2), (x1+x2)/2 + bow*0.75, (y1 + y2) / 2
	default: // same row: rightwards over the top, leftwards under the bottom
		x1, x2 := a.cx(), b.cx()
		y, lift := a.Y, -(40.0 + bend + math.Abs(x2-x1)/6)
		if x2 < x1 {
			y, lift = a.Y+a.H, -lift
		}
		return fmt.Sprintf("M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f", x1, y, x1, y+lift, x2, y+lift, x2, y), (x1 + x2) / 2, y + lift*0.75
	}
}
