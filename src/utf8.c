/* UTF-8 helpers, strict about overlong forms and surrogates (RFC 3629). */
#include "utf8.h"

#include "buf.h"

size_t rl_utf8_seqlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 1;
}

size_t rl_utf8_decode(const char *str, size_t len, uint32_t *cp, int *valid)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	size_t n = rl_utf8_seqlen(c);
	uint32_t v;
	if (c < 0x80) {
		*cp = c;
		if (valid)
			*valid = 1;
		return 1;
	}
	if (n == 1 || n > len)
		goto bad;
	v = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
	    (v >= 0xD800 && v <= 0xDFFF))
		goto bad;
	*cp = v;
	if (valid)
		*valid = 1;
	return n;
bad:
	*cp = RL_REPLACEMENT_CHAR;
	if (valid)
		*valid = 0;
	return 1;
}

size_t rl_utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = RL_REPLACEMENT_CHAR;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t rl_utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		uint32_t cp;
		if ((unsigned char)s[i] < 0x80)
			i++;
		else
			i += rl_utf8_decode(s + i, len - i, &cp, NULL);
	}
	return n;
}

size_t rl_utf8_advance(const char *s, size_t len, size_t n)
{
	size_t i = 0;
	while (n-- > 0 && i < len) {
		uint32_t cp;
		if ((unsigned char)s[i] < 0x80)
			i++;
		else
			i += rl_utf8_decode(s + i, len - i, &cp, NULL);
	}
	return i;
}

uint32_t rl_unicode_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	/* Latin Extended-A pairs upper/lower case as even/odd, with a shift in
	 * the middle of the block */
	if (cp == 0x130)
		return 'i'; /* İ (Turkish): i, not the dotless ı that follows it */
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return cp % 2 == 0 ? cp + 1 : cp;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return cp % 2 == 1 ? cp + 1 : cp;
	if (cp == 0x178)
		return 0xFF;
	return cp;
}

int rl_unicode_is_word(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)
		return 0; /* Latin-1 punctuation and symbols */
	if ((cp >= 0x2000 && cp <= 0x2BFF) ||   /* punctuation, arrows, math, shapes, dingbats */
	    (cp >= 0x3000 && cp <= 0x303F) ||   /* CJK punctuation */
	    (cp >= 0xFE00 && cp <= 0xFE0F) ||   /* variation selectors */
	    (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	    (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
	    (cp >= 0x1F000 && cp <= 0x1FAFF) || /* emoji and pictographs */
	    cp == RL_REPLACEMENT_CHAR)
		return 0;
	return 1;
}

void rl_utf8_fold_words(const char *s, size_t len, struct rl_buf *out)
{
	int pending_space = 0;
	size_t start = out->len;
	rl_buf_reserve(out, len + 1);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		if (c < 0x80) {
			/* ASCII, most of any heading: no decoding, no calls */
			i++;
			if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) {
				pending_space = 1;
				continue;
			}
			if (pending_space && out->len > start)
				out->data[out->len++] = ' ';
			pending_space = 0;
			out->data[out->len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		out->data[out->len] = '\0';
		i += rl_utf8_decode(s + i, len - i, &cp, NULL);
		if (!rl_unicode_is_word(cp)) {
			pending_space = 1;
			continue;
		}
		if (pending_space && out->len > start)
			rl_buf_addc(out, ' ');
		pending_space = 0;
		rl_buf_add_utf8(out, rl_unicode_lower(cp));
		rl_buf_reserve(out, len - i + 1);
	}
	out->data[out->len] = '\0';
}
