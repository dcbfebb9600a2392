/* Email, phone and URL scanners. */
#include "contact.h"

#include <stdint.h>
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

/* A date written with digits: "28.02.2018", "28/02/2018", "2018-02-28"
 * (three groups, the year four digits at one end, nothing else). */
static int digit_date(const char *s, size_t len)
{
	size_t group[3] = { 0 }, g = 0;
	for (size_t k = 0; k < len; k++) {
		if (s[k] >= '0' && s[k] <= '9') {
			group[g]++;
		} else if ((s[k] == '.' || s[k] == '/' || s[k] == '-') && group[g] && g < 2) {
			g++;
		} else {
			return 0;
		}
	}
	if (g != 2)
		return 0;
	int day_first = group[0] <= 2 && group[1] <= 2 && group[2] == 4;
	int year_first = group[0] == 4 && group[1] <= 2 && group[2] <= 2 && group[1] && group[2];
	return day_first || year_first;
}

/* Eight digits as two years from 1900 to 2099 with a - or / between. */
static int year_range(const char *s, size_t len)
{
	char d[8];
	size_t n = 0;
	int sep = 0; /* a - or / after the first four digits */
	for (size_t k = 0; k < len && n < 8; k++) {
		if (s[k] >= '0' && s[k] <= '9')
			d[n++] = s[k];
		else if (n == 4 && (s[k] == '-' || s[k] == '/'))
			sep = 1;
	}
	return n == 8 && sep && (memcmp(d, "19", 2) == 0 || memcmp(d, "20", 2) == 0) &&
	       (memcmp(d + 4, "19", 2) == 0 || memcmp(d + 4, "20", 2) == 0);
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
			/* "2019 - 2023", "(1998 - 2010)" are years, not a phone */
			if (digits == 8 && year_range(s + i, last - i))
				continue;
			/* "(28.02.2018)", "29.11.2018 (2 days)": it starts with a date */
			size_t d0 = i, d1;
			while (d0 < last && (s[d0] < '0' || s[d0] > '9'))
				d0++;
			for (d1 = d0; d1 < last && ((s[d1] >= '0' && s[d1] <= '9') || s[d1] == '.' || s[d1] == '/' ||
						    s[d1] == '-');
			     d1++)
				;
			if (digit_date(s + d0, d1 - d0)) {
				i = d1; /* and not its tail ("11.2018") either */
				continue;
			}
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
	/* the first mark of this list found anywhere wins, at its leftmost
	 * place; found in one pass over the text for all marks at once (a pass
	 * per mark, with a compare at every position, was a tenth of a batch
	 * run). Every mark starts with a lower-case ASCII letter: c | 0x20
	 * equals it only for that letter's two cases. */
	static const char *const marks[] = { "http://", "https://", "www.", "linkedin.com", "github.com",
					     "gitlab.com", "behance.net", "dribbble.com", NULL };
	enum { NMARKS = sizeof marks / sizeof *marks - 1 };
	size_t at[NMARKS], n[NMARKS];
	unsigned char by_letter[32] = { 0 }; /* bit i: mark i starts with this letter */
	int best = NMARKS; /* the first mark found so far, in list order */
	for (size_t i = 0; i < NMARKS; i++) {
		at[i] = SIZE_MAX;
		n[i] = strlen(marks[i]);
		by_letter[marks[i][0] & 31] |= (unsigned char)(1u << i);
	}
	for (size_t k = 0; k < len && best > 0; k++) {
		unsigned char c = (unsigned char)s[k] | 0x20;
		if (c < 'a' || c > 'z')
			continue;
		/* only marks before the best one found can still win */
		unsigned cand = by_letter[c & 31] & ((1u << best) - 1);
		for (int i = 0; cand; i++, cand >>= 1) {
			if (!(cand & 1) || k + n[i] > len || strncasecmp(s + k, marks[i], n[i]) != 0)
				continue;
			at[i] = k;
			best = i; /* later marks can no longer win */
			break;
		}
	}
	if (best == NMARKS)
		return 0;
	size_t a = at[best], b = at[best] + n[best];
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

int rl_has_contact(const char *s, size_t len)
{
	return rl_find_email(s, len, NULL, NULL) || rl_find_phone(s, len, NULL, NULL) ||
	       rl_find_url(s, len, NULL, NULL);
}
