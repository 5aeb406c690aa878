package parse

import (
	"math"
	"strconv"

	"github.com/ledongthuc/pdf"
)

// maxAnnots bounds the annotations read on one page.
const maxAnnots = 2048

// Annotation flags (PDF 32000-1, 12.5.3) that keep an annotation off the
// page a reader sees.
const (
	annotHidden = 1 << 1
	annotNoView = 1 << 5
)

// annotations adds the text a viewer draws on top of the page: filled
// form fields (Widget) and typed comments (FreeText). A filled form's
// values live only there, so without them a completed application or
// order form reads as its blank template. Each appearance stream is
// interpreted like a form XObject placed in the annotation's rectangle; a
// text field without an appearance (NeedAppearances) contributes its
// value. Check boxes and radio buttons (appearance per state) draw
// symbols, not text, and are skipped.
func (ti *textInterp) annotations(p pdf.Page) {
	annots := p.V.Key("Annots")
	for i := 0; i < annots.Len() && i < maxAnnots; i++ {
		a := annots.Index(i)
		switch a.Key("Subtype").Name() {
		case "Widget", "FreeText":
		default:
			continue
		}
		if a.Key("F").Int64()&(annotHidden|annotNoView) != 0 {
			continue
		}
		rect, ok := rectOf(a.Key("Rect"))
		if !ok {
			continue
		}
		path := "annot/" + strconv.Itoa(i)
		if ap := a.Key("AP").Key("N"); ap.Kind() == pdf.Stream {
			res := ap.Key("Resources")
			if res.IsNull() {
				res = pageResources(p)
			}
			ti.markLine()
			ti.run(ap, res, path, gstate{ctm: appearanceMatrix(ap, rect), th: 1}, 1)
			ti.markLine()
			continue
		}
		if v := fieldValue(a); v != "" {
			ti.markLine()
			ti.runs = append(ti.runs, glyphRun{s: v, x: rect[0], y: rect[1], size: math.Max(rect[3]-rect[1], 1), lineBefore: true})
		}
	}
}

// fieldValue is a text field's value, inherited from its parent field
// when the widget has none.
func fieldValue(a pdf.Value) string {
	for depth := 0; depth < 8 && !a.IsNull(); depth++ {
		if ft := a.Key("FT"); ft.Kind() == pdf.Name && ft.Name() != "Tx" {
			return ""
		}
		if v := a.Key("V"); v.Kind() == pdf.String {
			return v.Text()
		}
		a = a.Key("Parent")
	}
	return ""
}

// rectOf reads a rectangle [x0 y0 x1 y1], normalised so x0 <= x1, y0 <= y1.
func rectOf(v pdf.Value) ([4]float64, bool) {
	var r [4]float64
	if v.Len() != 4 {
		return r, false
	}
	for i := range r {
		r[i] = v.Index(i).Float64()
	}
	if r[0] > r[2] {
		r[0], r[2] = r[2], r[0]
	}
	if r[1] > r[3] {
		r[1], r[3] = r[3], r[1]
	}
	return r, true
}

// appearanceMatrix maps an appearance stream's space onto the page: its
// Matrix, then the transformed BBox fitted to the annotation's rectangle
// (PDF 32000-1, 12.5.5).
func appearanceMatrix(ap pdf.Value, rect [4]float64) mat {
	m := identityMat
	if mv := ap.Key("Matrix"); mv.Len() == 6 {
		vals := make([]pdf.Value, 6)
		for i := range vals {
			vals[i] = mv.Index(i)
		}
		m = matOf(vals)
	}
	box, ok := rectOf(ap.Key("BBox"))
	if !ok {
		return m.mul(translate(rect[0], rect[1]))
	}
	// the bounding box of the BBox's corners after Matrix
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range [][2]float64{{box[0], box[1]}, {box[2], box[1]}, {box[0], box[3]}, {box[2], box[3]}} {
		x := c[0]*m[0] + c[1]*m[2] + m[4]
		y := c[0]*m[1] + c[1]*m[3] + m[5]
		x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
	}
	sx, sy := 1.0, 1.0
	if x1 > x0 {
		sx = (rect[2] - rect[0]) / (x1 - x0)
	}
	if y1 > y0 {
		sy = (rect[3] - rect[1]) / (y1 - y0)
	}
	fit := translate(-x0, -y0).mul(mat{sx, 0, 0, sy, 0, 0}).mul(translate(rect[0], rect[1]))
	return m.mul(fit)
}
