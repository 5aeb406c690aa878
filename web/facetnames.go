package web

import (
	"github.com/docmill/docmill/document"
	"github.com/docmill/docmill/lang"
)

// contentTypeNames are what people call the content types docmill gives: a
// facet listing "application/vnd.openxmlformats-officedocument.
// wordprocessingml.document" wrapped over five lines of the sidebar.
var contentTypeNames = map[string]string{
	document.TypeText: "Plain text", document.TypeMarkdown: "Markdown", document.TypeHTML: "HTML",
	document.TypePDF: "PDF", document.TypeDOCX: "Word (DOCX)", document.TypeRTF: "RTF",
	document.TypeEmail: "E-mail", document.TypeXML: "XML", document.TypeLog: "Log",
	document.TypeCSV: "Table (CSV)", document.TypeJSON: "JSON",
}

// facetName is how the page shows a facet value: a content type or a
// language by its name, anything else as indexed. The link and the filter
// keep the value itself.
func facetName(field, value string) string {
	switch field {
	case "content_type":
		if n, ok := contentTypeNames[value]; ok {
			return n
		}
	case "language":
		return lang.Name(value)
	}
	return value
}
