/* Unit tests for sections.h. */
#include <ftw.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "sections.h"
#include "source.h"

#define TABLE_PATH RL_TEST_RULES_DIR "/tables/sections.tsv"

static struct rl_section_table *table; /* the shipped table, for every test */

static int group_setup(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	table = rl_section_table_load(TABLE_PATH, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s:%u:%u: %s\n", d.v[i].path, d.v[i].line, d.v[i].col, d.v[i].message);
	int rc = table && d.n == 0 ? 0 : -1;
	rl_diags_free(&d);
	return rc;
}

static int group_teardown(void **state)
{
	(void)state;
	rl_section_table_free(table);
	table = NULL;
	return 0;
}

static int match(const char *heading, int exact_only)
{
	return rl_section_table_match(table, heading, strlen(heading), exact_only);
}

static void check_match(const char *heading, int want)
{
	int got = match(heading, 0);
	if (got != want)
		fail_msg("'%s': got %s (%d), want %s (%d)", heading,
			 got < 0 ? "none" : rl_section_kind_name((enum rl_section_kind)got), got,
			 want < 0 ? "none" : rl_section_kind_name((enum rl_section_kind)want), want);
}

static void check_exact(const char *heading, int want)
{
	int got = match(heading, 1);
	if (got != want)
		fail_msg("'%s' (exact only): got %d, want %d", heading, got, want);
}

/* ---- matching headings ------------------------------------------------- */

static void test_match_experience(void **state)
{
	(void)state;
	check_match("Experience", RL_SEC_EXPERIENCE);
	check_match("Work History", RL_SEC_EXPERIENCE);
	check_match("Professional Experience", RL_SEC_EXPERIENCE);
	check_match("EXPERIENCE:", RL_SEC_EXPERIENCE);
	check_match("— Experience —", RL_SEC_EXPERIENCE);
	check_match("  work   experience  ", RL_SEC_EXPERIENCE);
	check_match("Berufserfahrung", RL_SEC_EXPERIENCE);
	check_match("\xD0\x9E\xD0\xBF\xD1\x8B\xD1\x82 \xD1\x80\xD0\xB0\xD0\xB1\xD0\xBE\xD1\x82\xD1\x8B",
		    RL_SEC_EXPERIENCE); /* Опыт работы */
	check_match("\xD0\x9E\xD0\x9F\xD0\xAB\xD0\xA2", RL_SEC_EXPERIENCE); /* ОПЫТ */
	check_match("Exp\xC3\xA9rience professionnelle", RL_SEC_EXPERIENCE);
	check_match("Experiencia Laboral", RL_SEC_EXPERIENCE);
	/* through words: a word of the heading starts with one */
	check_match("Selected Experience", RL_SEC_EXPERIENCE);
	check_match("2019\xE2\x80\x93" "2024 Employment", RL_SEC_EXPERIENCE);
	check_match("Internships & Research", RL_SEC_EXPERIENCE);
}

static void test_match_skills(void **state)
{
	(void)state;
	check_match("Skills", RL_SEC_SKILLS);
	check_match("\xE2\x80\x94 Skills & Tools \xE2\x80\x94", RL_SEC_SKILLS); /* — Skills & Tools — */
	check_match("Technical Skills", RL_SEC_SKILLS);
	check_match("Tech Stack", RL_SEC_SKILLS);
	check_match("Comp\xC3\xA9tences", RL_SEC_SKILLS);
	check_match("Skills \xF0\x9F\x9B\xA0", RL_SEC_SKILLS); /* emoji are not words */
	check_match("Programming Languages", RL_SEC_SKILLS);
}

static void test_match_priority(void **state)
{
	(void)state;
	/* coursework and volunteering come before education and experience */
	check_match("Relevant Coursework", RL_SEC_COURSEWORK);
	check_match("Education & Relevant Coursework", RL_SEC_COURSEWORK);
	check_match("Volunteer Experience", RL_SEC_VOLUNTEERING);
	check_match("Volunteer Work & Leadership", RL_SEC_VOLUNTEERING);
	check_match("Career Objective", RL_SEC_OBJECTIVE);
	check_match("Experience and Education", RL_SEC_EXPERIENCE);
	check_match("References available upon request", RL_SEC_REFERENCES);
}

static void test_match_other_kinds(void **state)
{
	(void)state;
	check_match("Education", RL_SEC_EDUCATION);
	check_match("\xC3\x89" "DUCATION", RL_SEC_EDUCATION); /* ÉDUCATION */
	check_match("Academic Background", RL_SEC_EDUCATION);
	check_match("Honors & Awards", RL_SEC_AWARDS);
	check_match("Honors and Awards", RL_SEC_AWARDS);
	check_match("Summary", RL_SEC_SUMMARY);
	check_match("About Me", RL_SEC_SUMMARY);
	check_match("Projects", RL_SEC_PROJECTS);
	check_match("Side Projects \xF0\x9F\x9A\x80", RL_SEC_PROJECTS);
	check_match("Publications", RL_SEC_PUBLICATIONS);
	check_match("Certifications", RL_SEC_CERTIFICATIONS);
	check_match("Licenses & Certifications", RL_SEC_CERTIFICATIONS);
	check_match("Hobbies", RL_SEC_INTERESTS);
	check_match("Contact Information", RL_SEC_CONTACT);
	check_match("Languages", RL_SEC_OTHER);
	check_match("Sprachkenntnisse", RL_SEC_OTHER);
	check_match("\xE6\x95\x99\xE8\x82\xB2\xE8\x83\x8C\xE6\x99\xAF", RL_SEC_EDUCATION); /* 教育背景 */
}

static void test_match_none(void **state)
{
	(void)state;
	check_match("Something Unrelated", -1);
	check_match("Jane Doe", -1);
	check_match("Acme Corp \xE2\x80\x94 Senior Engineer", -1);
	check_match("", -1);
	check_match("---", -1);
	check_match("\xF0\x9F\x9A\x80", -1);
	/* a word must start with the table's word, not contain it */
	check_match("Unskilled", -1);
	check_match("Nonexperienced", -1);
}

static void test_match_exact_only(void **state)
{
	(void)state;
	check_exact("Skills", RL_SEC_SKILLS);
	check_exact("EXPERIENCE", RL_SEC_EXPERIENCE);
	check_exact("Work History:", RL_SEC_EXPERIENCE);
	check_exact("Relevant Coursework", RL_SEC_COURSEWORK);
	/* names only: these match only through words */
	check_exact("Honors & Awards", -1);
	check_exact("My Skills", -1);
	check_exact("Selected Experience", -1);
	check_match("My Skills", RL_SEC_SKILLS);
}

static void test_match_len_and_long_headings(void **state)
{
	(void)state;
	/* only len bytes are read */
	assert_int_equal(rl_section_table_match(table, "Skills and more", 6, 0), RL_SEC_SKILLS);
	assert_int_equal(rl_section_table_match(table, "Education", 3, 0), -1);
	/* a heading longer than 400 bytes names no section */
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_adds(&b, "Experience");
	while (b.len <= 400)
		rl_buf_addc(&b, ' ');
	assert_int_equal(rl_section_table_match(table, b.data, b.len, 0), -1);
	assert_int_equal(rl_section_table_match(table, b.data, 400, 0), RL_SEC_EXPERIENCE);
	rl_buf_free(&b);
}

/* ---- classifying documents --------------------------------------------- */

struct spec {
	enum rl_block_kind kind;
	unsigned level;
	unsigned flags;
	const char *text;
};

#define H(level, text) { RL_BLOCK_HEADING, (level), 0, (text) }
#define P(text) { RL_BLOCK_PARAGRAPH, 0, 0, (text) }
#define B(text) { RL_BLOCK_PARAGRAPH, 0, RL_BF_STRONG, (text) }
#define LI(text) { RL_BLOCK_LIST_ITEM, 1, 0, (text) }
#define META(text) { RL_BLOCK_META, 0, 0, (text) }

/* Builds a document whose source is the block texts, one a line. */
static struct rl_doc *build_doc(const struct spec *s, size_t n)
{
	struct rl_buf text;
	rl_buf_init(&text);
	size_t *off = calloc(n ? n : 1, sizeof *off);
	for (size_t i = 0; i < n; i++) {
		off[i] = text.len;
		rl_buf_adds(&text, s[i].text);
		rl_buf_addc(&text, '\n');
	}
	struct rl_doc *doc = rl_doc_new(RL_FORMAT_MARKDOWN, rl_source_new("r.md", text.data, text.len));
	for (size_t i = 0; i < n; i++) {
		rl_doc_begin_block(doc, s[i].kind, s[i].level, s[i].flags);
		rl_doc_text(doc, s[i].text, strlen(s[i].text), off[i]);
		assert_non_null(rl_doc_end_block(doc));
	}
	rl_doc_finish(doc);
	assert_int_equal(doc->nblocks, n);
	free(off);
	rl_buf_free(&text);
	return doc;
}

struct want_section {
	enum rl_section_kind kind;
	long heading;
	size_t first, count;
};

static struct rl_doc *classify(const struct spec *s, size_t n)
{
	struct rl_doc *doc = build_doc(s, n);
	rl_sections_classify(doc, table);
	return doc;
}

static void check_sections(const struct rl_doc *doc, const struct want_section *w, size_t n)
{
	if (doc->nsections != n) {
		for (size_t i = 0; i < doc->nsections; i++)
			print_message("section %zu: %s heading %ld first %zu count %zu\n", i,
				      rl_section_kind_name(doc->sections[i].kind), doc->sections[i].heading,
				      doc->sections[i].first, doc->sections[i].count);
		fail_msg("%zu sections, want %zu", doc->nsections, n);
	}
	size_t covered = 0;
	for (size_t i = 0; i < n; i++) {
		const struct rl_section *s = &doc->sections[i];
		if (s->kind != w[i].kind)
			fail_msg("section %zu: %s, want %s", i, rl_section_kind_name(s->kind),
				 rl_section_kind_name(w[i].kind));
		assert_int_equal(s->heading, w[i].heading);
		assert_int_equal(s->first, w[i].first);
		assert_int_equal(s->count, w[i].count);
		/* sections tile the blocks, each block knows its section */
		assert_int_equal(s->first, covered);
		for (size_t k = s->first; k < s->first + s->count; k++)
			assert_int_equal(doc->blocks[k].section, i);
		covered += s->count;
		/* a section's own heading is flagged, a contact title is not */
		if (i > 0) {
			assert_true(s->heading >= 0);
			assert_true(doc->blocks[s->heading].flags & RL_BF_SECTION_HEADING);
		}
	}
	assert_int_equal(covered, doc->nblocks);
	/* no other block is flagged as a section heading */
	size_t flagged = 0;
	for (size_t k = 0; k < doc->nblocks; k++)
		flagged += (doc->blocks[k].flags & RL_BF_SECTION_HEADING) != 0;
	assert_int_equal(flagged, n - 1);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_classify_empty(void **state)
{
	(void)state;
	struct rl_doc *doc = classify(NULL, 0);
	static const struct want_section w[] = { { RL_SEC_CONTACT, -1, 0, 0 } };
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_text_before_heading_is_contact(void **state)
{
	(void)state;
	static const struct spec s[] = {
		P("Jane Doe"),
		P("jane@example.com | 555-0100"),
		H(2, "Experience"),
		LI("Shipped things"),
		H(2, "Education"),
		P("BSc, State University"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, -1, 0, 2 },
		{ RL_SEC_EXPERIENCE, 2, 2, 2 },
		{ RL_SEC_EDUCATION, 4, 4, 2 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_name_heading_is_contact(void **state)
{
	(void)state;
	static const struct spec s[] = {
		META("name: Jane Doe"),
		H(1, "Jane Doe"),
		P("jane@example.com"),
		H(2, "Skills"),
		LI("C, Python"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, 1, 0, 3 },
		{ RL_SEC_SKILLS, 3, 3, 2 },
	};
	check_sections(doc, w, N(w));
	assert_false(doc->blocks[1].flags & RL_BF_SECTION_HEADING);
	rl_doc_free(doc);
}

static void test_classify_first_heading_names_section(void **state)
{
	(void)state;
	/* a first heading that does name a section is not the title */
	static const struct spec s[] = {
		H(1, "Summary"),
		P("Engineer."),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, -1, 0, 0 },
		{ RL_SEC_SUMMARY, 0, 0, 2 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_headline_under_name(void **state)
{
	(void)state;
	static const struct spec s[] = {
		H(1, "Jane Doe"),
		H(2, "Senior Backend Engineer"),
		P("jane@example.com"),
		H(2, "Experience"),
		P("Acme"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, 0, 0, 3 },
		{ RL_SEC_EXPERIENCE, 3, 3, 2 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_deeper_unknown_heading_stays(void **state)
{
	(void)state;
	static const struct spec s[] = {
		H(1, "Jane Doe"),
		H(2, "Experience"),
		H(3, "Acme Corp \xE2\x80\x94 Engineer"),
		LI("Built a thing"),
		H(3, "Globex"),
		LI("Ran a thing"),
		H(4, "Side notes"),
		H(2, "Hobbies & Interests"),
		P("Chess"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, 0, 0, 1 },
		{ RL_SEC_EXPERIENCE, 1, 1, 6 },
		{ RL_SEC_INTERESTS, 7, 7, 2 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_deeper_entry_heading_stays(void **state)
{
	(void)state;
	/* a job that only shares a word with a section stays a job; a deeper
	 * heading that is a section's name (or reads like one) starts it */
	static const struct spec s[] = {
		H(1, "Jane Doe"),
		H(2, "Experience"),
		H(3, "Volunteer Tutor, Library (2021 - Present)"),
		LI("Tutored adults"),
		H(3, "Creative Technologist | Wiley | 2019 - 2022"),
		LI("Built a thing"),
		H(3, "Volunteer Experience"),
		LI("Food bank"),
		H(2, "Awards"),
		H(4, "Research Publications"),
		P("A paper"),
		/* under a bold-line section, too */
		B("EXPERIENCE"),
		H(3, "Volunteer Tutor, Library (2021 - Present)"),
		LI("Tutored adults"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, 0, 0, 1 },
		{ RL_SEC_EXPERIENCE, 1, 1, 5 },
		{ RL_SEC_VOLUNTEERING, 6, 6, 2 },
		{ RL_SEC_AWARDS, 8, 8, 1 },
		{ RL_SEC_PUBLICATIONS, 9, 9, 2 },
		{ RL_SEC_EXPERIENCE, 11, 11, 3 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_table_cell_headings_in_word(void **state)
{
	(void)state;
	/* a two-column Word template: its sections are capitals in cells; in
	 * Markdown a table's cells are no headings */
	static const struct spec s[] = {
		{ RL_BLOCK_TABLE_CELL, 0, 0, "jane@example.com" },
		{ RL_BLOCK_TABLE_CELL, 0, 0, "SKILLS" },
		{ RL_BLOCK_TABLE_CELL, 0, 0, "Python, SQL" },
		{ RL_BLOCK_TABLE_CELL, 0, 0, "EXPERIENCE" },
		LI("Worked on the billing reports"),
	};
	struct rl_doc *doc = build_doc(s, N(s));
	doc->format = RL_FORMAT_DOCX;
	rl_sections_classify(doc, table);
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, -1, 0, 1 },
		{ RL_SEC_SKILLS, 1, 1, 2 },
		{ RL_SEC_EXPERIENCE, 3, 3, 2 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);

	doc = classify(s, N(s));
	static const struct want_section md[] = { { RL_SEC_CONTACT, -1, 0, 5 } };
	check_sections(doc, md, N(md));
	rl_doc_free(doc);
}

static void test_classify_same_level_unknown_heading_is_other(void **state)
{
	(void)state;
	static const struct spec s[] = {
		H(1, "Jane Doe"),
		P("jane@example.com"),
		H(2, "Experience"),
		P("Acme"),
		H(2, "Side Quests"),
		H(3, "Dragon slaying"),
		P("Two dragons"),
		H(2, "Education"),
		P("BSc"),
		H(1, "Appendix"),
		P("More"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, 0, 0, 2 },
		{ RL_SEC_EXPERIENCE, 2, 2, 2 },
		{ RL_SEC_OTHER, 4, 4, 3 },
		{ RL_SEC_EDUCATION, 7, 7, 2 },
		{ RL_SEC_OTHER, 9, 9, 2 }, /* shallower: also a new section */
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_unknown_heading_after_contact_text(void **state)
{
	(void)state;
	/* with contact text before it, an unknown heading is not the name */
	static const struct spec s[] = {
		P("Jane Doe"),
		H(2, "Random Stuff"),
		P("x"),
		H(3, "Deeper"),
		P("y"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, -1, 0, 1 },
		{ RL_SEC_OTHER, 1, 1, 4 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_repeated_kind(void **state)
{
	(void)state;
	static const struct spec s[] = {
		H(2, "Experience"),
		P("a"),
		H(2, "Work History"),
		P("b"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, -1, 0, 0 },
		{ RL_SEC_EXPERIENCE, 0, 0, 2 },
		{ RL_SEC_EXPERIENCE, 2, 2, 2 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_bold_paragraph_heading(void **state)
{
	(void)state;
	static const struct spec s[] = {
		P("Jane Doe"),
		B("Experience"),
		P("Acme, 2020"),
		B("Acme Corp"),          /* bold, but names no section */
		B("My Skills"),          /* names one only through words */
		LI("Python"),
		B("Skills:"),            /* exact, punctuation aside */
		LI("C"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, -1, 0, 1 },
		{ RL_SEC_EXPERIENCE, 1, 1, 5 },
		{ RL_SEC_SKILLS, 6, 6, 2 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_all_caps_line_heading(void **state)
{
	(void)state;
	static const struct spec s[] = {
		P("JANE DOE"),           /* capitals, but names no section */
		P("jane@example.com"),
		P("WORK HISTORY"),
		P("Acme"),
		P("ACME CORP, 2020"),
		P("EDUCATION:"),
		P("BSc"),
		P("Skills"),             /* neither bold nor capitals */
		P("C, Python"),
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, -1, 0, 2 },
		{ RL_SEC_EXPERIENCE, 2, 2, 3 },
		{ RL_SEC_EDUCATION, 5, 5, 4 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_long_bold_paragraph_is_not_heading(void **state)
{
	(void)state;
	/* the same words, padded past a short line: a sentence, not a heading */
	static const struct spec s[] = {
		P("Jane Doe"),
		B("Experience ......................................................"),
		P("Acme"),
		P("EXPERIENCE ------------------------------------------------------"),
		P("Globex"),
		B("Experience"),
		P("Initech"),
	};
	assert_true(strlen(s[1].text) > 60);
	assert_int_equal(match(s[1].text, 1), RL_SEC_EXPERIENCE); /* it would match */
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, -1, 0, 5 },
		{ RL_SEC_EXPERIENCE, 5, 5, 2 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_pseudo_headings_only_paragraphs(void **state)
{
	(void)state;
	static const struct spec s[] = {
		P("Jane Doe"),
		{ RL_BLOCK_LIST_ITEM, 1, RL_BF_STRONG, "Skills" },
		{ RL_BLOCK_TABLE_CELL, 0, 0, "EDUCATION" },
		{ RL_BLOCK_CODE, 0, 0, "EXPERIENCE" },
		P("CV"), /* too few capitals to be a heading */
	};
	struct rl_doc *doc = classify(s, N(s));
	static const struct want_section w[] = { { RL_SEC_CONTACT, -1, 0, 5 } };
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

static void test_classify_twice_is_stable(void **state)
{
	(void)state;
	static const struct spec s[] = {
		H(1, "Jane Doe"),
		H(2, "Projects"),
		P("resumelint"),
	};
	struct rl_doc *doc = classify(s, N(s));
	rl_sections_classify(doc, table);
	static const struct want_section w[] = {
		{ RL_SEC_CONTACT, 0, 0, 1 },
		{ RL_SEC_PROJECTS, 1, 1, 2 },
	};
	check_sections(doc, w, N(w));
	rl_doc_free(doc);
}

/* ---- loading tables ---------------------------------------------------- */

struct tmp {
	char dir[PATH_MAX];
	char *path;
};

static void tmp_write(struct tmp *t, const char *text)
{
	char tmpl[] = "/tmp/rl-sections-test-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	snprintf(t->dir, sizeof t->dir, "%s", tmpl);
	struct rl_buf b;
	rl_buf_init(&b);
	rl_buf_addf(&b, "%s/table.tsv", t->dir);
	t->path = rl_buf_detach(&b, NULL);
	FILE *fp = fopen(t->path, "w");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
	assert_int_equal(fclose(fp), 0);
}

static void tmp_free(struct tmp *t)
{
	assert_int_equal(unlink(t->path), 0);
	assert_int_equal(rmdir(t->dir), 0);
	free(t->path);
}

/* A table that must fail to load with exactly this first error. */
static void check_load_error(const char *text, size_t nerrors, unsigned line, unsigned col,
			     const char *message)
{
	struct tmp t;
	tmp_write(&t, text);
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_section_table *st = rl_section_table_load(t.path, &d);
	assert_null(st);
	if (d.n != nerrors)
		fail_msg("%zu diagnostics (first: %s), want %zu", d.n, d.n ? d.v[0].message : "-", nerrors);
	assert_int_equal(d.errors, nerrors);
	assert_string_equal(d.v[0].path, t.path);
	assert_string_equal(d.v[0].message, message);
	assert_int_equal(d.v[0].line, line);
	assert_int_equal(d.v[0].col, col);
	rl_diags_free(&d);
	tmp_free(&t);
}

static void test_load_errors(void **state)
{
	(void)state;
	check_load_error("skills\tname\tskills\nhobbies\tname\thobbies\n", 1, 2, 1,
			 "unknown section kind 'hobbies'");
	check_load_error("# a comment\n\nskills\talias\ttools\n", 1, 3, 8, "expected name or word, not 'alias'");
	check_load_error("skills\tname skills\n", 1, 1, 1, "expected KIND<TAB>name|word<TAB>TEXT");
	check_load_error("skills\tname\t---\n", 1, 1, 13, "'---' has no letters or digits to match");
	/* every problem is reported, not just the first */
	check_load_error("Skills\tname\ta\nskills\tnames\tb\n", 2, 1, 1, "unknown section kind 'Skills'");
}

static void test_load_missing_file(void **state)
{
	(void)state;
	struct rl_diags d;
	rl_diags_init(&d);
	assert_null(rl_section_table_load("/nonexistent/rl/sections.tsv", &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].path, "/nonexistent/rl/sections.tsv");
	assert_string_equal(d.v[0].message, "cannot open: No such file or directory");
	rl_diags_free(&d);
}

static void test_load_custom_table_order(void **state)
{
	(void)state;
	/* words are tried in the order kinds first appear; names always before
	 * words; CRLF line ends are fine */
	static const char *const texts[] = {
		"volunteering\tword\tvolunteer\r\nexperience\tname\tvolunteer work\r\n"
		"experience\tword\texperience\r\n",
		"experience\tword\texperience\nvolunteering\tword\tvolunteer\n",
	};
	static const int want[][3] = {
		{ RL_SEC_VOLUNTEERING, RL_SEC_VOLUNTEERING, RL_SEC_EXPERIENCE },
		{ RL_SEC_EXPERIENCE, RL_SEC_VOLUNTEERING, -1 },
	};
	for (size_t i = 0; i < 2; i++) {
		struct tmp t;
		tmp_write(&t, texts[i]);
		struct rl_diags d;
		rl_diags_init(&d);
		struct rl_section_table *st = rl_section_table_load(t.path, &d);
		assert_non_null(st);
		assert_int_equal(d.n, 0);
		assert_int_equal(rl_section_table_match(st, "Volunteer Experience", 20, 0), want[i][0]);
		assert_int_equal(rl_section_table_match(st, "Volunteer", 9, 0), want[i][1]);
		assert_int_equal(rl_section_table_match(st, "VOLUNTEER WORK", 14, 1), want[i][2]);
		/* a kind with no entries matches nothing */
		assert_int_equal(rl_section_table_match(st, "Skills", 6, 0), -1);
		rl_section_table_free(st);
		rl_diags_free(&d);
		tmp_free(&t);
	}

	/* an empty table (comments only) loads and matches nothing */
	struct tmp t;
	tmp_write(&t, "# nothing here\n\n");
	struct rl_diags d;
	rl_diags_init(&d);
	struct rl_section_table *st = rl_section_table_load(t.path, &d);
	assert_non_null(st);
	assert_int_equal(d.n, 0);
	assert_int_equal(rl_section_table_match(st, "Skills", 6, 0), -1);
	rl_section_table_free(st);
	rl_diags_free(&d);
	tmp_free(&t);
	rl_section_table_free(NULL); /* harmless */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_experience),
		cmocka_unit_test(test_match_skills),
		cmocka_unit_test(test_match_priority),
		cmocka_unit_test(test_match_other_kinds),
		cmocka_unit_test(test_match_none),
		cmocka_unit_test(test_match_exact_only),
		cmocka_unit_test(test_match_len_and_long_headings),
		cmocka_unit_test(test_classify_empty),
		cmocka_unit_test(test_classify_text_before_heading_is_contact),
		cmocka_unit_test(test_classify_name_heading_is_contact),
		cmocka_unit_test(test_classify_first_heading_names_section),
		cmocka_unit_test(test_classify_headline_under_name),
		cmocka_unit_test(test_classify_deeper_unknown_heading_stays),
		cmocka_unit_test(test_classify_deeper_entry_heading_stays),
		cmocka_unit_test(test_classify_table_cell_headings_in_word),
		cmocka_unit_test(test_classify_same_level_unknown_heading_is_other),
		cmocka_unit_test(test_classify_unknown_heading_after_contact_text),
		cmocka_unit_test(test_classify_repeated_kind),
		cmocka_unit_test(test_classify_bold_paragraph_heading),
		cmocka_unit_test(test_classify_all_caps_line_heading),
		cmocka_unit_test(test_classify_long_bold_paragraph_is_not_heading),
		cmocka_unit_test(test_classify_pseudo_headings_only_paragraphs),
		cmocka_unit_test(test_classify_twice_is_stable),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_load_missing_file),
		cmocka_unit_test(test_load_custom_table_order),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
