package parse

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// Short texts in the legacy single-byte code pages are read in their own:
// "Привет мир" in Windows-1251 was read as Windows-1252 ("Ïðèâåò ìèð"),
// Greek as Cyrillic, Central European, DOS Cyrillic and Mac text as
// mojibake (QA s32 parse D6).
func TestShortSingleByteCodePages(t *testing.T) {
	for _, c := range []struct {
		text string
		cm   *charmap.Charmap
		want string
	}{
		{"Привет мир", charmap.Windows1251, "windows-1251"},
		{"Договор", charmap.Windows1251, "windows-1251"},
		{"Счёт на оп", charmap.Windows1251, "windows-1251"}, // pairs up as GBK too
		{"Привет мир", charmap.KOI8R, "koi8-r"},
		{"Срок действия", charmap.KOI8R, "koi8-r"}, // pairs up as GBK too
		{"Привет мир", charmap.CodePage866, "ibm866"},
		{"Καλημέρα σας", charmap.ISO8859_7, ""},
		{"Κανονισμός διαχείρισης", charmap.Windows1253, "windows-1253"},
		{"Ά Η σύμβαση", charmap.ISO8859_7, "iso-8859-7"},
		{"Příliš žluťoučký kůň", charmap.Windows1250, "windows-1250"},
		{"Zażółć gęślą jaźń", charmap.Windows1250, "windows-1250"},
		{"Zażółć gęślą jaźń", charmap.ISO8859_2, "iso-8859-2"},
		{"Nájemce je povinen platit", charmap.ISO8859_2, ""},
		{"Café naïve résumé", charmap.Macintosh, "macintosh"},
	} {
		data, err := c.cm.NewEncoder().String(c.text)
		if err != nil {
			t.Fatal(err)
		}
		got, enc := decode([]byte(data))
		if got != c.text || c.want != "" && enc != c.want {
			t.Errorf("%s in %s: %q as %s", c.text, c.cm, got, enc)
		}
	}
}

// Short Western text stays Windows-1252: its accented letters read as
// letters in Windows-1250 or Latin-2 too ("trčs", "ańo"), but less
// plausibly.
func TestShortWesternStaysWindows1252(t *testing.T) {
	for _, text := range []string{
		"Ça va, très bien", "Größe über", "año señor", "Öl", "naïve café", "à côté",
		"Crème brûlée à Noël", "El año pasado el señor García firmó", "Schöne Grüße aus München",
		"The Processor won’t disclose the Controller’s data.", "“smart” façade, Ærø, œuvre, 50 €.",
		// English naming people and places: each word one Western
		// language's (read as Central European or Cyrillic, São was Săo,
		// naïve naďve, Loïc Loďc, Ñ С)
		"This Agreement is made in São Paulo, Brazil, and signed in São Paulo by João Silva for Acme Ltda.",
		"Meeting notes. Attendees: Zoë, Loïc, Anaïs and Björn. We agreed the naïve approach is fine.",
		"Ï", "Ñ", "Report nº 5, 1ª edición", "Thickness 5 µm, N° 12, Acme® Widget",
	} {
		data, err := charmap.Windows1252.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		if got, enc := decode([]byte(data)); got != text || enc != encLatin1 {
			t.Errorf("%q as %s: %q", text, enc, got)
		}
	}
}

// A small UTF-8 file with one stray Latin-1 byte stays UTF-8, the stray
// byte replaced: it was decoded whole as Windows-1252 ("cafÃ©").
func TestShortUTF8WithStrayByte(t *testing.T) {
	got, enc := decode([]byte("UTF-8 line caf\xc3\xa9\nLatin1 line caf\xe9\n"))
	if enc != encUTF8 || got != "UTF-8 line café\nLatin1 line caf\uFFFD\n" {
		t.Errorf("%s: %q", enc, got)
	}
	// a KOI8-R "всё" forms one valid sequence (ё after a letter) and stays KOI8-R
	koi, _ := charmap.KOI8R.NewEncoder().String("всё")
	if got, enc := decode([]byte(koi)); got != "всё" {
		t.Errorf("koi8-r всё: %q as %s", got, enc)
	}
}
