/* Rule kind `contact`: how a reader reaches you and sees your work. Each
 * check is a detector here and a message in the rule file:
 *   no-contact    no email address, phone number or profile link in the
 *                 first part of the resume (the contact block, the first
 *                 third of the blocks, page headers and footers, front
 *                 matter, and the links there)
 *   no-email      contact details there, but no email address
 *   late          instead of those two when the email address (or any
 *                 contact detail) is further down: reported where it is
 *   no-portfolio  no link to work a reader can look at: a link to one of
 *                 `portfolio-hosts` anywhere, or in the first part any web
 *                 address not on `not-portfolio`, or a `portfolio-words`
 *                 label there ("GitHub: jdoe"); only on a resume naming
 *                 one of `portfolio-fields` (work people look at: code,
 *                 design, writing, research), when the rule gives them
 * Findings point at the top of the resume (its first block). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "contact.h"
#include "engine.h"

/* in the order errors list them */
enum check {
	CK_NO_CONTACT,
	CK_NO_EMAIL,
	CK_LATE,
	CK_NO_PORTFOLIO,
	CK_COUNT
};

static const char *const check_names[CK_COUNT] = { "no-contact", "no-email", "late", "no-portfolio" };

struct contact_rule {
	char *message[CK_COUNT];
	double first_part;        /* share of the blocks; default 1/3 */
	char **hosts, **not_hosts, **words, **endings, **fields;
	size_t nhosts, nnot_hosts, nwords, nendings, nfields;
};

static struct contact_rule *impl(struct rl_rule *r)
{
	return r->impl;
}

static int set_checks(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_set_check_messages(v, ld, "check", check_names, CK_COUNT, impl(r)->message);
}

static int set_first_part(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	char *end;
	if (rl_rule_want_scalar(v, ld, "a share of the resume"))
		return -1;
	double d = strtod(v->value, &end);
	if (*end || !*v->value || !(d > 0 && d <= 1)) {
		rl_rule_error(ld, v, "expected a share of the resume's blocks, above 0 and at most 1");
		return -1;
	}
	impl(r)->first_part = d;
	return 0;
}

static int set_hosts(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->hosts, &impl(r)->nhosts);
}

static int set_not_hosts(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->not_hosts, &impl(r)->nnot_hosts);
}

static int set_words(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->words, &impl(r)->nwords);
}

static int set_endings(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->endings, &impl(r)->nendings);
}

static int set_fields(struct rl_rule *r, const struct rl_ynode *v, struct rl_rule_loader *ld)
{
	return rl_rule_word_list(v, ld, &impl(r)->fields, &impl(r)->nfields);
}

static const struct rl_rule_key keys[] = {
	{ "checks", set_checks, "check → message: no-contact, no-email, late, no-portfolio" },
	{ "first-part", set_first_part, "the share of the resume's blocks contact details must be in (default 0.34)" },
	{ "portfolio-hosts", set_hosts, "no-portfolio: addresses that show work (github.com, behance.net ...)" },
	{ "not-portfolio", set_not_hosts, "no-portfolio: addresses that do not (linkedin.com, mailto: ...)" },
	{ "portfolio-words", set_words, "no-portfolio: labels in the first part that name a portfolio (GitHub:, Portfolio:)" },
	{ "portfolio-fields", set_fields,
	  "no-portfolio: only a resume with a word starting with one of these is checked (default: every resume)" },
	{ "site-endings", set_endings, "no-portfolio: endings of a bare web address in the first part (.dev, .com ...)" },
	{ NULL, NULL, NULL },
};

static void *impl_new(void)
{
	struct contact_rule *c = rl_xcalloc(1, sizeof *c);
	c->first_part = 0.34;
	return c;
}

static void impl_free(void *v)
{
	struct contact_rule *c = v;
	for (int i = 0; i < CK_COUNT; i++)
		free(c->message[i]);
	rl_rule_word_list_free(c->hosts, c->nhosts);
	rl_rule_word_list_free(c->not_hosts, c->nnot_hosts);
	rl_rule_word_list_free(c->words, c->nwords);
	rl_rule_word_list_free(c->endings, c->nendings);
	rl_rule_word_list_free(c->fields, c->nfields);
	free(c);
}

static int finish(struct rl_rule *r, const struct rl_ynode *root, struct rl_rule_loader *ld)
{
	struct contact_rule *c = r->impl;
	if (c->message[CK_NO_PORTFOLIO] && !c->nhosts) {
		rl_rule_error(ld, root, "the no-portfolio check needs 'portfolio-hosts'");
		return -1;
	}
	return rl_rule_need_check_message(ld, root, "checks", c->message, CK_COUNT);
}

static int url_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '-';
}

/* A bare web address ("janedoe.dev", "jane-doe.com/work") in lower-cased
 * text: a name, a dot and one of the endings, not inside an email address. */
static int bare_site(const struct contact_rule *c, const char *low, size_t len)
{
	for (size_t i = 1; i + 2 < len; i++) {
		if (low[i] != '.' || !url_char((unsigned char)low[i - 1]))
			continue;
		size_t a = i, b = i + 1;
		while (a > 0 && (url_char((unsigned char)low[a - 1]) || low[a - 1] == '.'))
			a--;
		while (b < len && url_char((unsigned char)low[b]))
			b++;
		if (i - a < 2 || (a > 0 && (low[a - 1] == '@' || low[a - 1] == '/')) || (b < len && low[b] == '@'))
			continue;
		for (size_t k = 0; k < c->nendings; k++) {
			size_t n = strlen(c->endings[k]);
			if (b - i == n && memcmp(low + i, c->endings[k], n) == 0)
				return 1;
		}
	}
	return 0;
}

/* Where a contact detail further down is. */
struct spot {
	int found;
	size_t start, end;  /* source span */
	const char *text;
	size_t text_len;
	int section;
};

struct found {
	int email, phone, link, portfolio;
	struct spot late_email, late_any;
};

static void spot_block(struct spot *s, const struct rl_doc *doc, const struct rl_block *b, size_t t0, size_t t1)
{
	if (s->found)
		return;
	s->found = 1;
	rl_block_span(b, t0, t1, &s->start, &s->end);
	s->text = b->text + t0;
	s->text_len = t1 - t0;
	s->section = (int)doc->sections[b->section].kind;
}

static void spot_link(struct spot *s, const struct rl_link *l)
{
	if (s->found)
		return;
	s->found = 1;
	s->start = l->start;
	s->end = l->end;
	s->text = l->url;
	s->text_len = strlen(l->url);
	s->section = -1;
}

/* A link to an email address: mailto:, or an address given as the target. */
static int email_link(const char *url)
{
	if (strncmp(url, "mailto:", 7) == 0)
		return 1;
	return strchr(url, '@') && !strchr(url, '/') && rl_find_email(url, strlen(url), NULL, NULL);
}

/* The first part: blocks before this index, plus the contact section,
 * page headers and footers and front matter anywhere. */
static size_t first_part_end(const struct contact_rule *c, const struct rl_doc *doc)
{
	size_t n = (size_t)(c->first_part * (double)doc->nblocks + 0.999);
	return n < 3 ? 3 : n;
}

static int in_first_part(const struct rl_doc *doc, size_t i, size_t end)
{
	const struct rl_block *b = &doc->blocks[i];
	const struct rl_section *sec = &doc->sections[b->section];
	/* a contact section counts where it starts in the first part: one
	 * headed "Personal Details" at the foot of the page is not the top */
	return i < end || (sec->kind == RL_SEC_CONTACT && sec->first < end) || b->kind == RL_BLOCK_PAGE_HEADER ||
	       b->kind == RL_BLOCK_PAGE_FOOTER || b->kind == RL_BLOCK_META;
}

/* A web address that shows work: a known host anywhere, or in the first
 * part anything that is not a profile, mail or phone link. */
static int portfolio_url(const struct contact_rule *c, const char *url, int first)
{
	char *low = rl_rule_lower(url, strlen(url));
	int yes = rl_contains_any(low, c->hosts, c->nhosts);
	if (!yes && first && !rl_contains_any(low, c->not_hosts, c->nnot_hosts) &&
	    (strstr(low, "http") == low || strstr(low, "www.") == low || strchr(low, '.')) && !strchr(low, '@'))
		yes = 1;
	free(low);
	return yes;
}

static void scan(const struct contact_rule *c, struct rl_run *run, struct found *f)
{
	const struct rl_doc *doc = run->doc;
	size_t end = first_part_end(c, doc);
	size_t first_src_end = 0;
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct rl_block *b = &doc->blocks[i];
		int first = in_first_part(doc, i, end);
		if (first && b->end > first_src_end && i < end)
			first_src_end = b->end;
		size_t s0, s1;
		if (first) {
			f->email |= rl_find_email(b->text, b->text_len, NULL, NULL);
			f->phone |= rl_find_phone(b->text, b->text_len, NULL, NULL);
		} else if (!f->late_email.found || !f->late_any.found) {
			if (rl_find_email(b->text, b->text_len, &s0, &s1)) {
				spot_block(&f->late_email, doc, b, s0, s1);
				spot_block(&f->late_any, doc, b, s0, s1);
			} else if (rl_find_phone(b->text, b->text_len, &s0, &s1)) {
				spot_block(&f->late_any, doc, b, s0, s1);
			}
		}
		if (c->message[CK_NO_PORTFOLIO] && !f->portfolio) {
			const char *low = rl_run_lower(run, i);
			if (first && (rl_contains_any(low, c->words, c->nwords) || bare_site(c, low, strlen(low))))
				f->portfolio = 1;
			/* every web address in the text, not only the first */
			for (size_t k = 0; k < b->text_len && !f->portfolio;) {
				if (!rl_find_url(b->text + k, b->text_len - k, &s0, &s1))
					break;
				char *u = rl_xstrndup(b->text + k + s0, s1 - s0);
				f->portfolio |= portfolio_url(c, u, first);
				f->link |= first;
				free(u);
				k += s1 > 0 ? s1 : 1;
			}
		}
		if (first && rl_find_url(b->text, b->text_len, NULL, NULL))
			f->link = 1;
	}
	for (size_t i = 0; i < doc->nlinks; i++) {
		const struct rl_link *l = &doc->links[i];
		int first = l->start <= first_src_end;
		if (!first) {
			/* a link inside the contact section or a header counts too */
			for (size_t k = 0; k < doc->nblocks; k++) {
				const struct rl_block *b = &doc->blocks[k];
				if (l->start >= b->start && l->start <= b->end) {
					first = in_first_part(doc, k, end);
					break;
				}
			}
		}
		if (email_link(l->url)) {
			f->email |= first;
			if (!first) {
				spot_link(&f->late_email, l);
				spot_link(&f->late_any, l);
			}
			continue;
		}
		if (strncmp(l->url, "tel:", 4) == 0) {
			f->phone |= first;
			if (!first)
				spot_link(&f->late_any, l);
			continue;
		}
		f->link |= first;
		if (c->message[CK_NO_PORTFOLIO])
			f->portfolio |= portfolio_url(c, l->url, first);
	}
}

static void report(struct rl_run *run, const char *msg)
{
	const struct rl_doc *doc = run->doc;
	struct rl_msg_vars vars = { msg, NULL, NULL };
	const struct rl_block *b = NULL;
	for (size_t i = 0; i < doc->nblocks && !b; i++)
		if (doc->blocks[i].kind != RL_BLOCK_META && doc->blocks[i].kind != RL_BLOCK_PAGE_HEADER &&
		    doc->blocks[i].kind != RL_BLOCK_PAGE_FOOTER)
			b = &doc->blocks[i];
	if (b)
		rl_emit(run, b->start, b->end, b->text, b->text_len, (int)doc->sections[b->section].kind, &vars);
	else
		rl_emit(run, 0, 0, NULL, 0, -1, &vars);
}

static void report_spot(struct rl_run *run, const char *tmpl, const struct spot *s)
{
	/* the check's message is the rule message's {value}: its {match} is
	 * filled here */
	char *msg = rl_rule_fill_check_message_match(tmpl, NULL, NULL, s->text, s->text_len);
	struct rl_msg_vars vars = { msg, NULL, NULL };
	rl_emit(run, s->start, s->end, s->text, s->text_len, s->section, &vars);
	free(msg);
}

/* A nurse or a mechanic is not asked for a link to their work: the check
 * is for resumes in fields where work can be looked at. */
static int in_portfolio_field(const struct contact_rule *c, struct rl_run *run)
{
	if (!c->nfields)
		return 1;
	for (size_t i = 0; i < run->doc->nblocks; i++)
		if (rl_contains_any_word(rl_run_lower(run, i), c->fields, c->nfields))
			return 1;
	return 0;
}

static void run(const struct rl_rule *r, struct rl_run *run)
{
	const struct contact_rule *c = r->impl;
	struct found f;
	memset(&f, 0, sizeof f);
	if (!run->doc->nblocks)
		return;
	scan(c, run, &f);
	const char *late = c->message[CK_LATE];
	if (c->message[CK_NO_CONTACT] && !f.email && !f.phone && !f.link) {
		if (late && f.late_any.found)
			report_spot(run, late, &f.late_any);
		else
			report(run, c->message[CK_NO_CONTACT]);
	} else if (c->message[CK_NO_EMAIL] && !f.email) {
		if (late && f.late_email.found)
			report_spot(run, late, &f.late_email);
		else
			report(run, c->message[CK_NO_EMAIL]);
	}
	if (c->message[CK_NO_PORTFOLIO] && !f.portfolio && in_portfolio_field(c, run))
		report(run, c->message[CK_NO_PORTFOLIO]);
}

const struct rl_rule_kind rl_rule_kind_contact = {
	.name = "contact",
	.help = "checks how a reader reaches you: contact details and an email address near the top, a link to "
		"your work",
	.keys = keys,
	.impl_new = impl_new,
	.finish = finish,
	.run = run,
	.impl_free = impl_free,
	/* its findings point at what is missing or mis-written, not at text
	 * to cut: running last keeps them out of one-page's cuts */
	.runs_last = 1,
};
