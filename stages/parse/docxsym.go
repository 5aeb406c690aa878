package parse

import (
	"strconv"
	"strings"
)

// Check boxes as Word shows them: ticked and empty.
const (
	boxTicked = "☒"
	boxEmpty  = "☐"
)

// symbolFonts map the characters of Word's symbol fonts, which w:sym
// gives as a code in the private-use range U+F020-U+F0FF, to Unicode: the
// check boxes of a contract's form ("☒ Mutual ☐ One-way"), bullets and
// the signs of a clause's figures. A character not listed is left out,
// as before: it is a picture, not text.
var symbolFonts = map[string]map[byte]string{
	"wingdings": {
		0xFE: "☑", 0xFD: "☒", 0x78: "☒", 0xA8: boxEmpty, 0x6F: boxEmpty, 0x71: boxEmpty, 0xFC: "✓", 0xFB: "✗",
		0x9F: "•", 0xA7: "▪", 0x6C: "●", 0xD8: "➢", 0xE8: "➔",
	},
	"wingdings 2": {0x52: "☑", 0x54: boxTicked, 0x53: boxTicked, 0xA3: boxEmpty, 0x50: "✓", 0x4F: "✗"},
	"symbol": {
		0xB7: "•", 0xB3: "≥", 0xA3: "≤", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xAE: "→", 0xB0: "°", 0xB9: "≠", 0xBB: "≈",
		0xD2: "®", 0xD3: "©", 0xD4: "™", 0x6D: "μ", 0x70: "π", 0x61: "α", 0x62: "β", 0x64: "δ", 0x44: "Δ", 0x53: "Σ", 0x57: "Ω",
	},
}

// docxSymbol is the text of a w:sym: its character in the font named, or
// the character itself when its code is a plain Unicode one (a § in
// Times New Roman); "" for a code it cannot read or a symbol not known.
func docxSymbol(font, char string) string {
	c, err := strconv.ParseUint(char, 16, 32)
	if err != nil || c == 0 {
		return ""
	}
	if c >= 0xF000 && c <= 0xF0FF {
		return symbolFonts[strings.ToLower(strings.TrimSpace(font))][byte(c-0xF000)]
	}
	if c < 0x20 || c > 0x10FFFF || c >= 0xD800 && c <= 0xDFFF {
		return ""
	}
	return string(rune(c))
}
