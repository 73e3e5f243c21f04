namespace Lantai.Search.Analysis;

/// <summary>What a (folded) UTF-16 code unit is to the tokenizer; one byte per BMP character in <see cref="SearchKeyFolding"/>.</summary>
internal enum CharClass : byte
{
    /// <summary>Punctuation, symbols, controls: ends a token (brackets 〔〕【】［］（）, 、，。 and the like).</summary>
    Separator,

    /// <summary>White space, including U+3000 and U+202F (folded to a space): ends a token, but not a CJK run.</summary>
    Space,

    /// <summary>Removed from search keys wherever it stands: Mongolian FVS1–4 and MVS, ZWJ/ZWNJ/ZWSP, soft hyphens, variation selectors, other format characters.</summary>
    Ignorable,

    /// <summary>Han (with 々〆〇), kana and Hangul: indexed as unigrams plus bigrams.</summary>
    Cjk,

    /// <summary>Traditional Mongolian script letters (U+1800–U+18AF): one token per word.</summary>
    Mongolian,

    /// <summary>Letters of other scripts (Latin, Cyrillic, Tibetan, Arabic…): one token per word.</summary>
    Word,

    /// <summary>Any decimal digit, folded to 0–9: one token per run.</summary>
    Digit,

    /// <summary>A combining mark: continues a word, dropped elsewhere.</summary>
    Mark,

    /// <summary>A high surrogate: the code point is classified when met (CJK extensions B–H, supplementary variation selectors).</summary>
    HighSurrogate,
}
