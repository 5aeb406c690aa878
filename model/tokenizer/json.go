package tokenizer

import "encoding/json"

// The subset of tokenizer.json this package reads.
type jsonTokenizer struct {
	AddedTokens   []AddedToken      `json:"added_tokens"`
	Normalizer    *jsonNormalizer   `json:"normalizer"`
	PreTokenizer  *jsonPreTokenizer `json:"pre_tokenizer"`
	PostProcessor *jsonPost         `json:"post_processor"`
	Decoder       *jsonDecoder      `json:"decoder"`
	Model         jsonModel         `json:"model"`
}

type jsonPattern struct {
	String string `json:"String"`
	Regex  string `json:"Regex"`
}

type jsonNormalizer struct {
	Type               string           `json:"type"`
	Normalizers        []jsonNormalizer `json:"normalizers"`
	CleanText          *bool            `json:"clean_text"`
	HandleChineseChars *bool            `json:"handle_chinese_chars"`
	StripAccents       *bool            `json:"strip_accents"`
	Lowercase          *bool            `json:"lowercase"`
	Pattern            jsonPattern      `json:"pattern"`
	Content            string           `json:"content"`
	Prepend            string           `json:"prepend"`
	StripLeft          *bool            `json:"strip_left"`
	StripRight         *bool            `json:"strip_right"`
}

type jsonPreTokenizer struct {
	Type           string             `json:"type"`
	PreTokenizers  []jsonPreTokenizer `json:"pretokenizers"`
	AddPrefixSpace *bool              `json:"add_prefix_space"`
	UseRegex       *bool              `json:"use_regex"`
	Pattern        jsonPattern        `json:"pattern"`
	Behavior       string             `json:"behavior"`
	Invert         bool               `json:"invert"`
}

type jsonTemplateItem struct {
	SpecialToken *struct {
		ID string `json:"id"`
	} `json:"SpecialToken"`
	Sequence *struct {
		ID string `json:"id"`
	} `json:"Sequence"`
}

type jsonPost struct {
	Type          string             `json:"type"`
	Processors    []jsonPost         `json:"processors"`
	Single        []jsonTemplateItem `json:"single"`
	SpecialTokens map[string]struct {
		IDs []int `json:"ids"`
	} `json:"special_tokens"`
	Cls json.RawMessage `json:"cls"`
	Sep json.RawMessage `json:"sep"`
}

type jsonDecoder struct {
	Type     string        `json:"type"`
	Decoders []jsonDecoder `json:"decoders"`
}

type jsonModel struct {
	Type                    string            `json:"type"`
	Vocab                   json.RawMessage   `json:"vocab"`
	Merges                  []json.RawMessage `json:"merges"`
	UnkToken                string            `json:"unk_token"`
	ContinuingSubwordPrefix *string           `json:"continuing_subword_prefix"`
	MaxInputCharsPerWord    int               `json:"max_input_chars_per_word"`
	IgnoreMerges            bool              `json:"ignore_merges"`
	ByteFallback            bool              `json:"byte_fallback"`
}
