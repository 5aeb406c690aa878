package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/docmill/docmill/internal/testpdf"
)

// xfaPDF is a dynamic XFA form: its page shows Adobe's placeholder, and
// its content is in the template and datasets packets.
func xfaPDF(template, datasets string) []byte {
	page := "BT /F1 11 Tf 72 700 Td (The document you are trying to load requires Adobe Reader 8 or higher. You may not have the) Tj " +
		"0 -14 Td (Adobe Reader installed or your viewing environment may not be properly configured to use Adobe Reader.) Tj ET"
	return testpdf.Build(
		"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA [(template) 6 0 R (datasets) 7 0 R] >> >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length %d >>stream\n"+page+"\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Length %d >>stream\n"+template+"\nendstream",
		"<< /Length %d >>stream\n"+datasets+"\nendstream",
	)
}

// A dynamic XFA form's pages show only a placeholder ("requires Adobe
// Reader 8 or higher"), which was taken for the text: a government form
// became a one-paragraph contract. Its text is read from the form's
// template (captions, static text) and data (the values filled in); one
// with none is dead-lettered with the reason.
func TestPDFDynamicXFAForm(t *testing.T) {
	template := `<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"><subform name="form1">
<draw name="heading"><value><text>Application for a Fishing Licence</text></value><font typeface="Arial"/></draw>
<field name="name"><caption><value><text>Applicant name</text></value></caption><assist><speak>Enter the applicant's name here</speak></assist>
<ui><textEdit/></ui></field>
<draw name="notes"><value><exData contentType="text/html"><body xmlns="http://www.w3.org/1999/xhtml"><p>The licence is valid for <span>one year</span>.</p></body></exData></value></draw>
<event activity="click"><script contentType="application/x-javascript">var secret = 42;</script></event>
</subform></template>`
	datasets := `<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1><name>Ada Lovelace</name><river>Thames</river></form1></xfa:data></xfa:datasets>`
	p, err := Parse(t.Context(), Input{Filename: "licence.pdf", Data: xfaPDF(template, datasets)}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Application for a Fishing Licence", "Applicant name", "The licence is valid for one year.", "Ada Lovelace", "Thames"} {
		if !strings.Contains(p.Text, want) {
			t.Errorf("no %q in %q", want, p.Text)
		}
	}
	for _, not := range []string{"Adobe Reader", "secret", "Enter the applicant"} {
		if strings.Contains(p.Text, not) {
			t.Errorf("%q in %q", not, p.Text)
		}
	}
	if p.Meta["xfa"] == "" {
		t.Errorf("meta %v does not say the text is the XFA form's", p.Meta)
	}
	empty := `<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"><subform><draw><value><arc sweepAngle="90"/></value></draw></subform></template>`
	_, err = Parse(t.Context(), Input{Filename: "arcs.pdf", Data: xfaPDF(empty, "<xfa:datasets/>")}, DefaultLimits())
	var perr *Error
	if !errors.As(err, &perr) || !strings.Contains(err.Error(), "dynamic XFA form") {
		t.Errorf("an XFA form with no text: %v", err)
	}
}
