/* Date and date-range scanner: text → tokens (dates, month names, "present"
 * words, separators) → ranges. The word tables cover the languages of the
 * section table (English, German, French, Spanish, Portuguese, Danish,
 * Dutch, Russian); a word in no table is just a word. */
#include "dates.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "utf8.h"

/* Years outside this span are not resume dates (part numbers, amounts). */
#define MIN_YEAR 1950
#define MAX_YEAR 2100
/* Tokens kept per block: a resume block has a handful of dates; a longer
 * block is scanned in windows of this many. */
#define MAX_TOKENS 64
/* Longest word looked up (bytes, lower case). */
#define MAX_WORD 24

struct word {
	const char *w;
	int month;               /* 1-12 */
	enum rl_date_style style;
};

#define F RL_DS_MONTH_FULL
#define A RL_DS_MONTH_ABBR
#define E RL_DS_MONTH_EITHER
static const struct word months[] = {
	/* English; March to July are short enough that styles that shorten
	 * months (AP) spell them out: they go with either style */
	{ "january", 1, F }, { "jan", 1, A }, { "february", 2, F }, { "feb", 2, A }, { "march", 3, E },
	{ "mar", 3, A }, { "april", 4, E }, { "apr", 4, A }, { "may", 5, E }, { "june", 6, E }, { "jun", 6, A },
	{ "july", 7, E }, { "jul", 7, A }, { "august", 8, F }, { "aug", 8, A }, { "september", 9, F },
	{ "sep", 9, A }, { "sept", 9, A }, { "october", 10, F }, { "oct", 10, A }, { "november", 11, F },
	{ "nov", 11, A }, { "december", 12, F }, { "dec", 12, A },
	/* German */
	{ "januar", 1, F }, { "jänner", 1, F }, { "jän", 1, A }, { "februar", 2, F }, { "märz", 3, F },
	{ "mär", 3, A }, { "mai", 5, E }, { "juni", 6, F }, { "juli", 7, F }, { "oktober", 10, F },
	{ "okt", 10, A }, { "dezember", 12, F }, { "dez", 12, A },
	/* French (août, like mai and juin, is never shortened) */
	{ "janvier", 1, F }, { "janv", 1, A }, { "février", 2, F }, { "fevrier", 2, F }, { "févr", 2, A },
	{ "fév", 2, A }, { "mars", 3, E }, { "avril", 4, F }, { "avr", 4, A }, { "juin", 6, E },
	{ "juillet", 7, F }, { "juil", 7, A }, { "août", 8, E }, { "aout", 8, E }, { "septembre", 9, F },
	{ "octobre", 10, F }, { "novembre", 11, F }, { "décembre", 12, F }, { "déc", 12, A },
	/* Spanish */
	{ "enero", 1, F }, { "ene", 1, A }, { "febrero", 2, F }, { "marzo", 3, F }, { "abril", 4, F },
	{ "abr", 4, A }, { "mayo", 5, F }, { "junio", 6, F }, { "julio", 7, F }, { "agosto", 8, F },
	{ "septiembre", 9, F }, { "setiembre", 9, F }, { "octubre", 10, F }, { "noviembre", 11, F },
	{ "diciembre", 12, F }, { "dic", 12, A },
	/* Portuguese */
	{ "janeiro", 1, F }, { "fevereiro", 2, F }, { "fev", 2, A }, { "março", 3, F }, { "maio", 5, F },
	{ "junho", 6, F }, { "julho", 7, F }, { "setembro", 9, F }, { "outubro", 10, F },
	{ "novembro", 11, F }, { "dezembro", 12, F },
	/* Danish, Norwegian, Dutch */
	{ "marts", 3, F }, { "maj", 5, E }, { "januari", 1, F }, { "februari", 2, F }, { "maart", 3, F },
	{ "mei", 5, E }, { "augustus", 8, F }, { "december", 12, F },
	/* Russian, nominative and genitive */
	{ "январь", 1, F }, { "января", 1, F }, { "янв", 1, A }, { "февраль", 2, F }, { "февраля", 2, F },
	{ "фев", 2, A }, { "март", 3, F }, { "марта", 3, F }, { "апрель", 4, F }, { "апреля", 4, F },
	{ "апр", 4, A }, { "май", 5, E }, { "мая", 5, E }, { "июнь", 6, F }, { "июня", 6, F },
	{ "июль", 7, F }, { "июля", 7, F }, { "август", 8, F }, { "августа", 8, F }, { "авг", 8, A },
	{ "сентябрь", 9, F }, { "сентября", 9, F }, { "сен", 9, A }, { "сент", 9, A }, { "октябрь", 10, F },
	{ "октября", 10, F }, { "окт", 10, A }, { "ноябрь", 11, F }, { "ноября", 11, F }, { "ноя", 11, A },
	{ "декабрь", 12, F }, { "декабря", 12, F }, { "дек", 12, A },
};
#undef F
#undef A
#undef E

/* Seasons: the month a term starts in. */
static const struct word seasons[] = {
	{ "spring", 3, RL_DS_SEASON }, { "summer", 6, RL_DS_SEASON }, { "fall", 9, RL_DS_SEASON },
	{ "autumn", 9, RL_DS_SEASON }, { "winter", 1, RL_DS_SEASON }, { "frühling", 3, RL_DS_SEASON },
	{ "sommer", 6, RL_DS_SEASON }, { "herbst", 9, RL_DS_SEASON },
};

static const char *const present_words[] = {
	"present", "now", "current", "currently", "today", "ongoing", "date", "heute", "aktuell", "jetzt",
	"derzeit", "dato", "présent", "aujourd'hui", "aujourd’hui", "actuel", "actuellement", "actualidad",
	"presente", "actual", "actualmente", "hoy", "hoje", "atual", "atualmente", "nu", "nuværende",
	"настоящее", "сейчас", "至今", "现在",
};

static const char *const since_words[] = { "since", "seit", "depuis", "desde", "siden", "sinds" };

static const char *const sep_words[] = { "to", "till", "until", "til", "thru", "through", "bis", "à", "au",
					 "a", "al", "hasta", "até", "tot", "до", "по" };

enum tok_type { T_DATE, T_MONTH, T_PRESENT, T_SEP, T_SINCE, T_OTHER };

/* Every table word, sorted, for a binary search: a block has many words
 * and few of them are dates. */
struct entry {
	const char *w;
	enum tok_type t;
	const struct word *m; /* months and seasons */
	int season;
};

#define COUNT(a) (sizeof(a) / sizeof *(a))
#define NENTRIES (COUNT(months) + COUNT(seasons) + COUNT(present_words) + COUNT(since_words) + COUNT(sep_words))
static struct entry entries[NENTRIES];
static pthread_once_t entries_once = PTHREAD_ONCE_INIT;
/* Bit n of lengths[c]: some entry starts with byte c and is n bytes long
 * (n < 32; longer ones set bit 0 and are always looked up). Most words of
 * a block are no table word; this turns them away before the binary
 * search, which was most of the time of every date rule. */
static uint32_t lengths[256];

static int by_word(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->w, ((const struct entry *)b)->w);
}

static void entries_init(void)
{
	size_t n = 0;
	for (size_t i = 0; i < COUNT(months); i++)
		entries[n++] = (struct entry){ months[i].w, T_MONTH, &months[i], 0 };
	for (size_t i = 0; i < COUNT(seasons); i++)
		entries[n++] = (struct entry){ seasons[i].w, T_MONTH, &seasons[i], 1 };
	for (size_t i = 0; i < COUNT(present_words); i++)
		entries[n++] = (struct entry){ present_words[i], T_PRESENT, NULL, 0 };
	for (size_t i = 0; i < COUNT(since_words); i++)
		entries[n++] = (struct entry){ since_words[i], T_SINCE, NULL, 0 };
	for (size_t i = 0; i < COUNT(sep_words); i++)
		entries[n++] = (struct entry){ sep_words[i], T_SEP, NULL, 0 };
	qsort(entries, n, sizeof *entries, by_word);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(entries[i].w);
		lengths[(unsigned char)entries[i].w[0]] |= len < 32 ? 1u << len : 1u;
	}
}

static const struct entry *lookup(const char *w, size_t wn)
{
	pthread_once(&entries_once, entries_init);
	uint32_t lens = lengths[(unsigned char)w[0]];
	if (!(lens & 1u) && (wn >= 32 || !(lens >> wn & 1u)))
		return NULL;
	struct entry key = { w, T_OTHER, NULL, 0 };
	return bsearch(&key, entries, NENTRIES, sizeof *entries, by_word);
}

struct tok {
	enum tok_type t;
	struct rl_date d;
	int weak; /* a date only in a range: 2011-12 may be a span of years */
};

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Length of a space at s (ASCII, no-break and thin spaces), or 0. */
static size_t space_len(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 1;
	if (len >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	if (len >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x89 || (unsigned char)s[2] == 0xAF || (unsigned char)s[2] == 0x8A))
		return 3;
	return 0;
}

/* Length of a dash-like separator at s, or 0. */
static size_t dash_len(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];
	if (c == '-' || c == '~')
		return 1;
	if (len >= 3 && c == 0xE2) {
		unsigned char c1 = (unsigned char)s[1], c2 = (unsigned char)s[2];
		if (c1 == 0x80 && c2 >= 0x90 && c2 <= 0x95) /* ‐ ‑ ‒ – — ― */
			return 3;
		if ((c1 == 0x88 && c2 == 0x92) || (c1 == 0x86 && c2 == 0x92)) /* − → */
			return 3;
	}
	return 0;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
	size_t n;
	while (i < len && (n = space_len(s + i, len - i)) > 0)
		i += n;
	return i;
}

/* A digit run at i: its value (capped) and length. */
static size_t digits(const char *s, size_t len, size_t i, int *value)
{
	size_t k = i;
	long v = 0;
	while (k < len && is_digit((unsigned char)s[k])) {
		if (v < 100000)
			v = v * 10 + (s[k] - '0');
		k++;
	}
	*value = (int)v;
	return k - i;
}

static int year_ok(int y)
{
	return y >= MIN_YEAR && y <= MAX_YEAR;
}

/* A 4-digit year at i, not glued to a letter or digit after it. Returns its
 * end, or 0. */
static size_t year_at(const char *s, size_t len, size_t i, int *year)
{
	size_t n = digits(s, len, i, year);
	if (n != 4 || !year_ok(*year))
		return 0;
	if (i + n < len && (is_alpha((unsigned char)s[i + n]) || is_digit((unsigned char)s[i + n])))
		return 0;
	return i + n;
}


/* A number at i: a year, 09/2021, 09.2021, 2.12.2019 or 2021-09. */
static size_t number_token(const char *s, size_t len, size_t i, struct tok *t)
{
	int v1, v2, y;
	size_t n1 = digits(s, len, i, &v1), k = i + n1;
	t->t = T_OTHER;
	if (n1 == 4 && year_ok(v1)) {
		/* 2021-09, 2021.09, 2021/09: two digits, a month */
		if (k + 3 <= len && (s[k] == '-' || s[k] == '.' || s[k] == '/') && digits(s, len, k + 1, &v2) == 2 &&
		    v2 >= 1 && v2 <= 12 && !(k + 3 < len && (is_alpha((unsigned char)s[k + 3]) ||
							   (s[k + 3] == '.' && k + 4 < len && is_digit((unsigned char)s[k + 4]))))) {
			t->t = T_DATE;
			t->weak = 1;
			t->d = (struct rl_date){ v1, v2, RL_DS_YEAR_MONTH, i, k + 3 };
			return k + 3;
		}
		if (k < len && (is_alpha((unsigned char)s[k]) || (s[k] == '.' && k + 1 < len && is_digit((unsigned char)s[k + 1]))))
			return k;
		t->t = T_DATE;
		t->d = (struct rl_date){ v1, 0, RL_DS_YEAR, i, k };
		return k;
	}
	if (n1 >= 1 && n1 <= 2 && k + 1 < len && (s[k] == '/' || s[k] == '.')) {
		size_t e = year_at(s, len, k + 1, &y);
		if (e && v1 >= 1 && v1 <= 12 && !(e < len && s[e] == '.' && e + 1 < len && is_digit((unsigned char)s[e + 1]))) {
			t->t = T_DATE;
			t->d = (struct rl_date){ y, v1, s[k] == '/' ? RL_DS_NUM_SLASH : RL_DS_NUM_DOT, i, e };
			return e;
		}
		size_t n2 = digits(s, len, k + 1, &v2);
		size_t k2 = k + 1 + n2;
		if (s[k] == '.' && n2 >= 1 && n2 <= 2 && k2 + 1 < len && s[k2] == '.' && v1 >= 1 && v1 <= 31 &&
		    v2 >= 1 && v2 <= 12 && (e = year_at(s, len, k2 + 1, &y)) != 0) {
			t->t = T_DATE;
			t->d = (struct rl_date){ y, v2, RL_DS_DAY, i, e };
			return e;
		}
	}
	return k;
}

/* A word at i (letters, with inner apostrophes): a month, season, present
 * word, "since" or a separator word. */
static size_t word_token(const char *s, size_t len, size_t i, struct tok *t)
{
	char w[MAX_WORD + 1];
	size_t wn = 0, k = i;
	int too_long = 0;
	while (k < len) {
		uint32_t cp;
		unsigned char c0 = (unsigned char)s[k];
		if (c0 < 0x80 && is_alpha(c0)) {
			/* the common case without calls: an ASCII letter, lower-cased */
			if (wn + 1 > MAX_WORD)
				too_long = 1;
			else
				w[wn++] = (char)(c0 | 0x20);
			k++;
			continue;
		}
		size_t n = rl_utf8_decode(s + k, len - k, &cp, NULL);
		int apos = (cp == '\'' || cp == 0x2019) && k > i && k + n < len && is_alpha((unsigned char)s[k + n]);
		if (!apos && !(cp < 0x80 ? is_alpha((unsigned char)cp) : rl_unicode_is_word(cp) && !(cp >= '0' && cp <= '9')))
			break;
		char enc[4];
		size_t en = rl_utf8_encode(cp < 0x80 ? (uint32_t)(cp | 0x20) : rl_unicode_lower(cp), enc);
		if (apos)
			en = rl_utf8_encode(cp, enc);
		if (wn + en > MAX_WORD)
			too_long = 1;
		else {
			memcpy(w + wn, enc, en);
			wn += en;
		}
		k += n;
	}
	if (k == i) { /* a lone CJK sign or symbol */
		k += rl_utf8_seqlen((unsigned char)s[i]);
		t->t = T_OTHER;
		return k > len ? len : k;
	}
	w[wn] = '\0';
	t->t = T_OTHER;
	if (too_long)
		return k;
	const struct entry *en = lookup(w, wn);
	if (!en)
		return k;
	const struct word *m = en->t == T_MONTH && !en->season ? en->m : NULL;
	const struct word *season = en->season ? en->m : NULL;
	if (m || season) {
		const struct word *x = m ? m : season;
		size_t e = k, y_end;
		int y;
		if (e < len && s[e] == '.')
			e++;
		size_t after_word = e;
		e = skip_spaces(s, len, e);
		if (e < len && s[e] == ',')
			e = skip_spaces(s, len, e + 1);
		if (e < len && (y_end = year_at(s, len, e, &y)) != 0) {
			t->t = T_DATE;
			t->d = (struct rl_date){ y, x->month, x->style, i, y_end };
			return y_end;
		}
		if (m) {
			t->t = T_MONTH;
			t->d = (struct rl_date){ 0, m->month, m->style, i, after_word };
			return after_word;
		}
		return k;
	}
	t->t = en->t;
	if (en->t == T_PRESENT)
		t->d = (struct rl_date){ 0, 0, RL_DS_PRESENT, i, k };
	return k;
}

/* Tokenizes from *pos until MAX_TOKENS are made; returns the count. */
static size_t tokenize(const char *s, size_t len, size_t *pos, struct tok *v)
{
	size_t n = 0, i = *pos;
	while (i < len && n < MAX_TOKENS) {
		size_t sp = space_len(s + i, len - i);
		if (sp) {
			i += sp;
			continue;
		}
		struct tok *t = &v[n];
		memset(t, 0, sizeof *t);
		size_t start = i, d = dash_len(s + i, len - i);
		unsigned char c = (unsigned char)s[i];
		if (d) {
			t->t = T_SEP;
			i += d;
		} else if (is_digit(c)) {
			int glued = start > 0 && is_alpha((unsigned char)s[start - 1]);
			i = number_token(s, len, i, t);
			if (glued)
				t->t = T_OTHER;
		} else if (c >= 0x80 || is_alpha(c)) {
			i = word_token(s, len, i, t);
		} else {
			t->t = T_OTHER;
			i++;
		}
		t->d.start = t->t == T_OTHER || t->t == T_SEP || t->t == T_SINCE ? start : t->d.start;
		t->d.end = t->t == T_OTHER || t->t == T_SEP || t->t == T_SINCE ? i : t->d.end;
		n++;
	}
	*pos = i;
	return n;
}

static int has_year(const struct tok *t)
{
	return t->t == T_DATE && t->d.year > 0;
}

size_t rl_date_ranges(const char *s, size_t len, struct rl_date_range *out, size_t max)
{
	struct tok v[MAX_TOKENS];
	size_t found = 0, pos = 0;
	/* every range has a year: no digit, no range */
	size_t d = 0;
	while (d < len && !is_digit((unsigned char)s[d]))
		d++;
	if (d == len)
		return 0;
	while (pos < len) {
		size_t n = tokenize(s, len, &pos, v);
		/* a full window: a range that starts in its last two tokens is
		 * read again from the next window */
		size_t last = n == MAX_TOKENS && pos < len ? n - 2 : n, next = last;
		for (size_t k = 0; k < last; k++) {
			struct rl_date_range r;
			size_t take = 0;
			if (k + 2 < n && v[k + 1].t == T_SEP && (has_year(&v[k]) || v[k].t == T_MONTH) &&
			    (has_year(&v[k + 2]) || (v[k + 2].t == T_PRESENT && v[k].t != T_MONTH))) {
				r.from = v[k].d;
				r.to = v[k + 2].d;
				if (v[k].t == T_MONTH) { /* May - Aug 2014 */
					if (!r.to.month)
						continue;
					r.from.year = r.to.year - (r.from.month > r.to.month);
				}
				take = 3;
			} else if (k + 1 < n && v[k].t == T_SINCE && has_year(&v[k + 1]) && !v[k + 1].weak) {
				r.from = v[k + 1].d;
				r.to = (struct rl_date){ 0, 0, RL_DS_PRESENT, v[k].d.start, v[k].d.end };
				take = 2;
			}
			if (!take)
				continue;
			r.start = take == 2 ? v[k].d.start : r.from.start;
			r.end = take == 2 ? r.from.end : r.to.end;
			if (found < max)
				out[found] = r;
			found++;
			k += take - 1;
			if (k >= next)
				next = k + 1;
		}
		if (next < n)
			pos = v[next].d.start;
	}
	return found;
}

int rl_date_month_index(const struct rl_date *d, int end_of, int now)
{
	if (d->style == RL_DS_PRESENT)
		return now;
	return d->year * 12 + (d->month ? d->month - 1 : end_of ? 11 : 0);
}

int rl_date_now(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	if (e && *e) {
		char *end;
		long long v = strtoll(e, &end, 10);
		if (!*end && v >= 0)
			t = (time_t)v;
	}
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return 2000 * 12;
	return (tm.tm_year + 1900) * 12 + tm.tm_mon;
}

const char *rl_date_style_example(enum rl_date_style s)
{
	static const char *const ex[RL_DS_COUNT] = {
		"2021", "September 2021", "Sep 2021", "May 2021", "09/2021", "09.2021", "2021-09",
		"2.9.2021", "Fall 2021", "present",
	};
	return s < RL_DS_COUNT ? ex[s] : "?";
}

int rl_date_style_has_month(enum rl_date_style s)
{
	return s == RL_DS_MONTH_FULL || s == RL_DS_MONTH_ABBR || s == RL_DS_MONTH_EITHER || s == RL_DS_NUM_SLASH ||
	       s == RL_DS_NUM_DOT || s == RL_DS_YEAR_MONTH || s == RL_DS_DAY;
}
