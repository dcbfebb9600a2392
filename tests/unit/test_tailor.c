/* Tailoring (--job): the tokenizer's tech tokens, Unicode and hyphens;
 * stemming; the skills dictionary's aliases; a posting's parts; matching
 * and the score; bad postings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lint.h"
#include "match.h"
#include "posting.h"
#include "reader.h"
#include "tailor.h"
#include "terms.h"

#define TABLES_DIR RL_TEST_RULES_DIR "/tables"

static struct rl_linter g_linter;

static int group_setup(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	int rc = rl_linter_init(&g_linter, RL_TEST_RULES_DIR, TABLES_DIR, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s\n", d.v[i].message);
	rl_diags_free(&d);
	return rc;
}

static int group_teardown(void **state)
{
	(void)state;
	rl_linter_fini(&g_linter);
	return 0;
}

/* The tokens of text as "raw|raw|...". */
static char *tokens(const char *text, unsigned want_flag, int key)
{
	struct rl_stemmer *st = rl_stemmer_new();
	struct rl_toks t;
	struct rl_buf b;
	rl_toks_init(&t, st);
	rl_buf_init(&b);
	rl_tokenize(&t, text, strlen(text));
	for (size_t i = 0; i < t.n; i++) {
		if (i)
			rl_buf_addc(&b, '|');
		if (want_flag && (t.v[i].flags & want_flag))
			rl_buf_addc(&b, '^');
		rl_buf_adds(&b, key == 0 ? rl_tok_raw(&t, i) : key == 1 ? rl_tok_low(&t, i) : rl_tok_stem(&t, i));
	}
	rl_toks_free(&t);
	rl_stemmer_free(st);
	if (!b.data)
		rl_buf_addc(&b, '\0');
	return rl_buf_detach(&b, NULL);
}

#define assert_tokens(text, flag, key, want)                 \
	do {                                                  \
		char *got_ = tokens(text, flag, key);         \
		assert_string_equal(got_, want);              \
		free(got_);                                   \
	} while (0)

static void test_tech_tokens(void **state)
{
	(void)state;
	assert_tokens("C++, C#, .NET, Node.js and CI/CD", 0, 0, "C++|C#|.NET|Node.js|and|CI/CD");
	assert_tokens("A/B testing with PyTorch 2.x and ES6+", 0, 0, "A/B|testing|with|PyTorch|2.x|and|ES6+");
	assert_tokens("UI/UX, R&D, TCP/IP", 0, 0, "UI/UX|R&D|TCP/IP");
	/* long words on both sides of a slash are two choices */
	assert_tokens("flask/django", RL_TOK_BREAK, 0, "^flask|^django");
	/* a sentence's full stop is no part of a token */
	assert_tokens("We use Python. Then Go.", 0, 0, "We|use|Python|Then|Go");
	/* possessives */
	assert_tokens("GitLab's platform", 0, 0, "GitLab|platform");
	/* punctuation starts a phrase */
	assert_tokens("Python, SQL (Postgres)", RL_TOK_BREAK, 0, "^Python|^SQL|^Postgres");
}

static void test_unicode(void **state)
{
	(void)state;
	assert_tokens("Développeur Ünïcode naïve CAFÉ", 0, 1, "développeur|ünïcode|naïve|café");
	/* typographic apostrophe and bullets */
	assert_tokens("you’ll • Kubernetes · Docker", RL_TOK_BREAK, 1, "^you'll|^kubernete|^docker");
	/* non-Latin scripts are words too */
	assert_tokens("Разработчик Python", 0, 1, "разработчик|python");
}

static void test_hyphenation(void **state)
{
	(void)state;
	/* a hyphen joins a compound: the second word follows without a break */
	assert_tokens("scikit-learn and front-end", RL_TOK_JOINED, 0, "scikit|^learn|and|front|^end");
	/* a soft hyphen (U+00AD) is not part of the word */
	assert_tokens("deploy\xC2\xADment", 0, 0, "deployment");
	/* a dash between spaces is a break, not a join */
	assert_tokens("Python - SQL", RL_TOK_BREAK, 0, "^Python|^SQL");
}

static void test_stemming(void **state)
{
	(void)state;
	assert_tokens("deploying deployed deployment deploys", 0, 2, "deploy|deploy|deploy|deploy");
	assert_tokens("mentoring mentored mentors", 0, 2, "mentor|mentor|mentor");
	/* tech tokens keep their shape */
	assert_tokens("Node.js C++", 0, 2, "node.js|c++");
	/* the plural-free lower-case key */
	assert_tokens("tests containers class", 0, 1, "test|container|class");
}

static const char *skill_of(const char *text)
{
	const struct rl_skills *d = rl_linter_tailor(&g_linter, NULL)->skills;
	struct rl_toks t;
	rl_toks_init(&t, d->stemmer);
	rl_tokenize(&t, text, strlen(text));
	uint32_t skill = 0;
	size_t n = t.n ? rl_skills_match(d, &t, 0, t.n, &skill) : 0;
	size_t ntok = t.n;
	rl_toks_free(&t);
	return n && n == ntok ? d->v[skill].name : NULL;
}

static void test_aliases(void **state)
{
	(void)state;
	assert_string_equal(skill_of("k8s"), "Kubernetes");
	assert_string_equal(skill_of("Kubernetes"), "Kubernetes");
	assert_string_equal(skill_of("JS"), "JavaScript");
	assert_string_equal(skill_of("ML"), "machine learning");
	assert_string_equal(skill_of("sklearn"), "scikit-learn");
	assert_string_equal(skill_of("scikit learn"), "scikit-learn");
	assert_string_equal(skill_of("Postgres"), "PostgreSQL");
	assert_string_equal(skill_of("GCP"), "Google Cloud");
	assert_string_equal(skill_of("Google Cloud Platform"), "Google Cloud");
	assert_string_equal(skill_of("mentored"), "mentoring");
	assert_string_equal(skill_of("code reviews"), "code review");
	assert_string_equal(skill_of("CI/CD"), "CI/CD");
	assert_string_equal(skill_of("C++"), "C++");
	assert_string_equal(skill_of("C#"), "C#");
	assert_string_equal(skill_of(".NET"), ".NET");
	assert_string_equal(skill_of("A/B tests"), "A/B testing");
	/* case-sensitive short names */
	assert_string_equal(skill_of("Go"), "Go");
	assert_null(skill_of("go"));
	assert_string_equal(skill_of("R"), "R");
	/* distinct products are not aliases */
	assert_string_equal(skill_of("OpenSearch"), "OpenSearch");
	/* no stemming of "%responsive": "responses" is no skill */
	assert_null(skill_of("responses"));
}

static void test_alias_conflict(void **state)
{
	(void)state;
	struct rl_skills *d = rl_skills_new();
	struct rl_diags diags;
	rl_diags_init(&diags);
	const char *text = "Elasticsearch\tElastic\ttech\nOpenSearch\tElastic\ttech\n";
	assert_int_equal(rl_skills_load_text(d, "x.tsv", text, strlen(text), &diags), -1);
	assert_int_equal(diags.n, 1);
	assert_int_equal(diags.v[0].line, 2);
	assert_int_equal(diags.v[0].col, 12);
	assert_non_null(strstr(diags.v[0].message, "already names Elasticsearch"));
	rl_diags_free(&diags);
	rl_skills_free(d);
}

static const char posting_md[] =
	"# Senior Data Engineer\n"                       /* 1 */
	"\n"
	"## About us\n"                                   /* 3 */
	"\n"
	"We love Haskell and our Salesforce customers.\n" /* 5 */
	"\n"
	"## What you'll do\n"                             /* 7 */
	"\n"
	"- Build Airflow pipelines and mentor engineers\n" /* 9 */
	"\n"
	"## Requirements\n"                               /* 11 */
	"\n"
	"- Python and SQL\n"                              /* 13 */
	"- Kubernetes (k8s) in production\n"              /* 14 */
	"\n"
	"Nice to have:\n"                                 /* 16 */
	"\n"
	"- Terraform\n"                                   /* 18 */
	"\n"
	"## Benefits\n"                                   /* 20 */
	"\n"
	"- Free Rust lessons\n";                          /* 22 */

static struct rl_posting *posting(const char *text)
{
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_posting *p = rl_posting_new(rl_linter_tailor(&g_linter, NULL), NULL, "job.md", text, strlen(text), &d);
	rl_diags_free(&d);
	return p;
}

static const struct rl_term *term(const struct rl_posting *p, const char *text)
{
	for (size_t i = 0; i < p->nterms; i++)
		if (strcmp(p->terms[i].text, text) == 0)
			return &p->terms[i];
	return NULL;
}

static void test_posting_parts(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_read_opts ro = { 0 };
	struct rl_doc *doc = rl_read("job.md", posting_md, strlen(posting_md), &ro, &d);
	assert_non_null(doc);
	enum rl_part parts[32];
	assert_true(doc->nblocks <= 32);
	rl_posting_parts(rl_linter_tailor(&g_linter, NULL), doc, parts);
	/* block by block: title, about (heading + text), do (heading + item),
	 * requirements (heading + 2 items), nice to have (lead-in + item),
	 * benefits (heading + item) */
	enum rl_part want[] = { RL_PART_TITLE, RL_PART_BOILERPLATE, RL_PART_BOILERPLATE, RL_PART_RESPONSIBILITIES,
				RL_PART_RESPONSIBILITIES, RL_PART_REQUIRED, RL_PART_REQUIRED, RL_PART_REQUIRED,
				RL_PART_PREFERRED, RL_PART_PREFERRED, RL_PART_BOILERPLATE, RL_PART_BOILERPLATE };
	assert_int_equal(doc->nblocks, sizeof want / sizeof *want);
	for (size_t i = 0; i < doc->nblocks; i++)
		assert_string_equal(rl_part_name(parts[i]), rl_part_name(want[i]));
	rl_doc_free(doc);
	rl_diags_free(&d);

	struct rl_posting *p = posting(posting_md);
	assert_non_null(p);
	assert_string_equal(p->title, "Senior Data Engineer");
	assert_string_equal(p->title_core, "Data Engineer");
	/* boilerplate gives no terms */
	assert_null(term(p, "Haskell"));
	assert_null(term(p, "Salesforce"));
	assert_null(term(p, "Rust"));
	/* each term knows its part and line */
	const struct rl_term *k = term(p, "Kubernetes");
	assert_non_null(k);
	assert_int_equal(k->part, RL_PART_REQUIRED);
	assert_int_equal(k->line, 14);
	assert_int_equal(k->count, 2); /* Kubernetes (k8s) */
	assert_true(k->required);
	const struct rl_term *tf = term(p, "Terraform");
	assert_non_null(tf);
	assert_int_equal(tf->part, RL_PART_PREFERRED);
	assert_false(tf->required);
	const struct rl_term *mentor = term(p, "mentoring");
	assert_non_null(mentor);
	assert_int_equal(mentor->part, RL_PART_RESPONSIBILITIES);
	/* title > required > responsibilities > preferred */
	const struct rl_term *de = term(p, "data engineering");
	const struct rl_term *py = term(p, "Python");
	const struct rl_term *af = term(p, "Airflow");
	assert_non_null(de);
	assert_non_null(py);
	assert_non_null(af);
	assert_true(de->score > py->score);
	assert_true(py->score > af->score);
	assert_true(af->score > tf->score);
	assert_true(de < py && py < af && af < tf); /* most important first */
	rl_posting_free(p);
}

static struct rl_result lint(const char *resume, const struct rl_posting *p)
{
	struct rl_lint_opts opts;
	struct rl_result res;
	rl_lint_opts_default(&opts);
	opts.posting = p;
	rl_lint_bytes(&g_linter, "resume.md", resume, strlen(resume), &opts, &res);
	rl_lint_opts_free(&opts);
	return res;
}

static size_t findings(const struct rl_result *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < r->report.n; i++)
		n += strcmp(r->report.v[i].rule->id, rule) == 0;
	return n;
}

static const char full_resume[] =
	"# Jane Doe\n\nSenior Data Engineer\n\n## Experience\n\n"
	"- Built data engineering pipelines in Python and SQL on Airflow.\n"
	"- Ran them on Kubernetes, provisioned with Terraform.\n"
	"- Mentored four engineers.\n\n"
	"## Skills\n\nPython, SQL, Airflow, Kubernetes, Terraform\n";

static const char skills_gone[] =
	"# Jane Doe\n\nSenior Data Engineer\n\n## Experience\n\n"
	"- Built pipelines for the finance team.\n"
	"- Mentored four engineers.\n";

/* the skills list well below the top third of the page */
#define FILLER "- Cut the monthly close from five days to two for the finance team.\n"
static const char skills_list_only[] =
	"# Jane Doe\n\nSenior Data Engineer\n\n## Experience\n\n"
	"- Mentored four engineers.\n" FILLER FILLER FILLER FILLER FILLER FILLER FILLER FILLER FILLER FILLER
	FILLER FILLER FILLER FILLER FILLER FILLER FILLER FILLER FILLER FILLER "\n"
	"## Skills\n\ndata engineering, data pipelines, Python, SQL, Airflow, Kubernetes, Terraform\n";

static void test_score_every_term(void **state)
{
	(void)state;
	struct rl_posting *p = posting(posting_md);
	assert_non_null(p);
	struct rl_result r = lint(full_resume, p);
	assert_int_equal(r.status, RL_STATUS_OK);
	const struct rl_match *m = r.report.match;
	assert_non_null(m);
	for (size_t i = 0; i < m->nterms; i++)
		if (!m->terms[i].where)
			fail_msg("term '%s' not found", m->terms[i].term->text);
	assert_int_equal(m->score, 100);
	assert_int_equal(m->nmissing, 0);
	assert_true(m->title_found);
	assert_int_equal(findings(&r, "job-keywords"), 0);
	assert_int_equal(findings(&r, "job-title"), 0);
	assert_int_equal(findings(&r, "job-match"), 0);
	assert_int_equal(findings(&r, "no-target"), 0);
	/* where it was found */
	const struct rl_match_term *k = NULL;
	for (size_t i = 0; i < m->nterms; i++)
		if (strcmp(m->terms[i].term->text, "Kubernetes") == 0)
			k = &m->terms[i];
	assert_non_null(k);
	assert_true(k->where & RL_WHERE_EXPERIENCE);
	assert_true(k->where & RL_WHERE_SKILLS);
	rl_result_free(&r);

	/* the same resume without the skills loses them */
	r = lint(skills_gone, p);
	m = r.report.match;
	assert_true(m->score < 50);
	assert_true(m->nmissing >= 5);
	assert_true(m->terms[m->missing[0]].term->required); /* most important first */
	assert_true(findings(&r, "job-keywords") >= 3); /* Python, SQL, Kubernetes */
	assert_int_equal(findings(&r, "job-match"), 1);
	rl_result_free(&r);

	/* a skills list alone counts for less */
	r = lint(skills_list_only, p);
	m = r.report.match;
	for (size_t i = 0; i < m->nmissing; i++)
		fail_msg("term '%s' missing", m->terms[m->missing[i]].term->text);
	assert_true(m->score > 40 && m->score < 100);
	rl_result_free(&r);
	rl_posting_free(p);
}

static void test_alternatives(void **state)
{
	(void)state;
	struct rl_posting *p = posting("# ML Engineer\n\n## Requirements\n\n- Flask/Django and PyTorch\n");
	assert_non_null(p);
	struct rl_result r = lint("# Jane\n\nML Engineer\n\n## Experience\n\n- Built a Django app in PyTorch.\n", p);
	const struct rl_match *m = r.report.match;
	assert_int_equal(m->nmissing, 0); /* Django stands for Flask/Django */
	rl_result_free(&r);
	rl_posting_free(p);
}

static void test_no_posting(void **state)
{
	(void)state;
	struct rl_result r = lint(skills_gone, NULL);
	assert_null(r.report.match);
	assert_int_equal(findings(&r, "job-keywords") + findings(&r, "job-match") + findings(&r, "job-title"), 0);
	assert_int_equal(findings(&r, "no-target"), 0); /* "Senior Data Engineer" */
	rl_result_free(&r);
	r = lint("# Jane Doe\n\njane@example.com\n\n## Experience\n\n- Built pipelines.\n", NULL);
	assert_int_equal(findings(&r, "no-target"), 1);
	rl_result_free(&r);
}

static void test_bad_postings(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	assert_null(rl_posting_new(rl_linter_tailor(&g_linter, NULL), NULL, "empty.md", "", 0, &d));
	assert_null(rl_posting_new(rl_linter_tailor(&g_linter, NULL), NULL, "blank.txt", "\n\n  \n", 4, &d));
	static const char pdf[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
	assert_null(rl_posting_new(rl_linter_tailor(&g_linter, NULL), NULL, "job.md", pdf, sizeof pdf - 1, &d));
	assert_int_equal(d.errors, 3);
	for (size_t i = 0; i < d.n; i++)
		assert_non_null(d.v[i].path);
	assert_string_equal(d.v[0].path, "empty.md");
	rl_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tech_tokens),
		cmocka_unit_test(test_unicode),
		cmocka_unit_test(test_hyphenation),
		cmocka_unit_test(test_stemming),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_alias_conflict),
		cmocka_unit_test(test_posting_parts),
		cmocka_unit_test(test_score_every_term),
		cmocka_unit_test(test_alternatives),
		cmocka_unit_test(test_no_posting),
		cmocka_unit_test(test_bad_postings),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
