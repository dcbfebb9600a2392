/* Dates as resumes write them: "Sep 2021", "September, 2021", "09/2021",
 * "2021", "Summer 2020", "Okt. 2014", "12.2014", "2019.03", and ranges of
 * them ("Apr 2017 – Present", "2016-2019", "May - Aug 2014", "since 2019",
 * "2013 bis heute"). Plain scanning, no regex: it runs on every block. */
#ifndef RL_DATES_H
#define RL_DATES_H

#include <stddef.h>

/* How a date is written; ranges that mix month styles are inconsistent. */
enum rl_date_style {
	RL_DS_YEAR,        /* 2021 */
	RL_DS_MONTH_FULL,  /* September 2021 */
	RL_DS_MONTH_ABBR,  /* Sep 2021, Sept. 2021 */
	RL_DS_MONTH_EITHER,/* May 2021: full and short at once */
	RL_DS_NUM_SLASH,   /* 09/2021 */
	RL_DS_NUM_DOT,     /* 09.2021 */
	RL_DS_YEAR_MONTH,  /* 2021-09, 2021.09 */
	RL_DS_DAY,         /* 2.12.2019 */
	RL_DS_SEASON,      /* Summer 2021 */
	RL_DS_PRESENT,     /* present, now, heute ... */
	RL_DS_COUNT
};

struct rl_date {
	int year;          /* 0 for "present" */
	int month;         /* 1-12; 0 when only the year is known */
	enum rl_date_style style;
	size_t start, end; /* bytes of the text */
};

struct rl_date_range {
	struct rl_date from, to;
	size_t start, end; /* the whole range */
};

/* Ranges in s[0, len), in order; at most max are stored, the count found
 * is returned. */
size_t rl_date_ranges(const char *s, size_t len, struct rl_date_range *out, size_t max);

/* Months since year 0 of the first (end_of: last) month a date may mean;
 * "present" is now. */
int rl_date_month_index(const struct rl_date *d, int end_of, int now);
/* Now as a month index: SOURCE_DATE_EPOCH when set (reproducible output),
 * else the clock. */
int rl_date_now(void);
/* Printable style name ("Sep 2021"-like), for messages. */
const char *rl_date_style_example(enum rl_date_style s);
/* 1 for the styles that say a month (and so can clash with each other). */
int rl_date_style_has_month(enum rl_date_style s);

#endif
