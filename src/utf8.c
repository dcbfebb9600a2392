/* UTF-8 helpers, strict about overlong forms and surrogates (RFC 3629). */
#include "utf8.h"

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
		i += rl_utf8_decode(s + i, len - i, &cp, NULL);
	}
	return n;
}

size_t rl_utf8_advance(const char *s, size_t len, size_t n)
{
	size_t i = 0;
	while (n-- > 0 && i < len) {
		uint32_t cp;
		i += rl_utf8_decode(s + i, len - i, &cp, NULL);
	}
	return i;
}
