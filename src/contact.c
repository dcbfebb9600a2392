/* Email, phone and URL scanners. */
#include "contact.h"

#include <string.h>
#include <strings.h>

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

static int is_local(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '_' || c == '-' || c == '+';
}

int rl_find_email(const char *s, size_t len, size_t *start, size_t *end)
{
	for (size_t at = 0; at < len; at++) {
		if (s[at] != '@')
			continue;
		size_t a = at, b = at + 1;
		while (a > 0 && is_local((unsigned char)s[a - 1]))
			a--;
		while (b < len && (is_alnum((unsigned char)s[b]) || s[b] == '.' || s[b] == '-'))
			b++;
		while (b > at + 1 && s[b - 1] == '.')
			b--; /* the end of a sentence */
		const char *dot = memchr(s + at + 1, '.', b - at - 1);
		if (a < at && dot && dot > s + at + 1 && (size_t)(s + b - dot) > 2) {
			if (start)
				*start = a;
			if (end)
				*end = b;
			return 1;
		}
	}
	return 0;
}

int rl_find_phone(const char *s, size_t len, size_t *start, size_t *end)
{
	/* 7 to 15 digits with only phone punctuation between them, not part
	 * of a longer number or word, and not a range of years */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= '0' && c <= '9') || c == '+' || c == '('))
			continue;
		if (i > 0 && is_alnum((unsigned char)s[i - 1]))
			continue;
		size_t k = i, digits = 0, last = i;
		while (k < len) {
			unsigned char d = (unsigned char)s[k];
			if (d >= '0' && d <= '9') {
				digits++;
				last = k + 1;
			} else if (!(d == ' ' || d == '-' || d == '.' || d == '(' || d == ')' || d == '+' ||
				     d == '/')) {
				break;
			}
			k++;
		}
		if (k < len && is_alnum((unsigned char)s[k]) && last == k)
			continue;
		if (digits >= 7 && digits <= 15) {
			/* "2019 - 2023" is years, not a phone */
			if (digits == 8 && memchr(s + i, '-', last - i) && (s[i] == '1' || s[i] == '2'))
				continue;
			if (start)
				*start = i;
			if (end)
				*end = last;
			return 1;
		}
		i = k;
	}
	return 0;
}

int rl_find_url(const char *s, size_t len, size_t *start, size_t *end)
{
	static const char *const marks[] = { "http://", "https://", "www.", "linkedin.com", "github.com",
					     "gitlab.com", "behance.net", "dribbble.com", NULL };
	for (size_t i = 0; marks[i]; i++) {
		size_t n = strlen(marks[i]);
		for (size_t k = 0; k + n <= len; k++) {
			if (strncasecmp(s + k, marks[i], n) != 0)
				continue;
			size_t a = k, b = k + n;
			while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '(' && s[a - 1] != '<')
				a--;
			while (b < len && s[b] != ' ' && s[b] != ')' && s[b] != '>' && s[b] != '\n')
				b++;
			if (start)
				*start = a;
			if (end)
				*end = b;
			return 1;
		}
	}
	return 0;
}

int rl_has_contact(const char *s, size_t len)
{
	return rl_find_email(s, len, NULL, NULL) || rl_find_phone(s, len, NULL, NULL) ||
	       rl_find_url(s, len, NULL, NULL);
}
