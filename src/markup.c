/* Escaping for HTML and XML (see markup.h). */
#include "markup.h"

#include <stdint.h>

#include "utf8.h"

void rl_markup_escape(struct rl_buf *b, const char *s, size_t n, int keep_lines)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += rl_utf8_decode(s + i, n - i, &cp, NULL);
		switch (cp) {
		case '&':
			rl_buf_adds(b, "&amp;");
			break;
		case '<':
			rl_buf_adds(b, "&lt;");
			break;
		case '>':
			rl_buf_adds(b, "&gt;");
			break;
		case '"':
			rl_buf_adds(b, "&quot;");
			break;
		case '\'':
			rl_buf_adds(b, "&#39;"); /* HTML and XML alike */
			break;
		case '\t':
		case '\n':
		case '\r':
			rl_buf_addc(b, keep_lines ? (char)cp : ' ');
			break;
		case '\f':
		case '\v':
			rl_buf_addc(b, ' ');
			break;
		default:
			/* XML 1.0 cannot hold C0 controls at all; C1 and DEL are
			 * invisible noise in HTML */
			if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
				break;
			rl_buf_add_utf8(b, cp);
		}
	}
}
