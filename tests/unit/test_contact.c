/* Spotting contact details in text (contact.c): email addresses, phone
 * numbers, web addresses, and what only looks like them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "contact.h"

/* The span found in text, as a string ("" when none). */
static const char *span(int (*find)(const char *, size_t, size_t *, size_t *), const char *text)
{
	static char out[128];
	size_t s, e;
	out[0] = '\0';
	if (find(text, strlen(text), &s, &e) && e - s < sizeof out) {
		memcpy(out, text + s, e - s);
		out[e - s] = '\0';
	}
	return out;
}

static void test_email(void **state)
{
	(void)state;
	assert_string_equal(span(rl_find_email, "Jane Doe · jane.doe+cv@example.co.uk · Berlin"),
			    "jane.doe+cv@example.co.uk");
	assert_string_equal(span(rl_find_email, "twitter: @jane, not an address"), "");
	assert_string_equal(span(rl_find_email, "name@localhost"), "");
}

static void test_phone(void **state)
{
	(void)state;
	assert_string_equal(span(rl_find_phone, "Call +1 (555) 123-4567 anytime"), "+1 (555) 123-4567");
	assert_string_equal(span(rl_find_phone, "Tel. 030 1234567"), "030 1234567");
	/* years and ranges of years are not phone numbers, bracketed or not */
	assert_string_equal(span(rl_find_phone, "Acme, 2019 - 2023"), "");
	assert_string_equal(span(rl_find_phone, "### Gamma (1998 - 2010)"), "");
	assert_string_equal(span(rl_find_phone, "Gamma 1998/2010"), "");
	/* nor are dates written in digits */
	assert_string_equal(span(rl_find_phone, "celebration (28.02.2018)."), "");
	assert_string_equal(span(rl_find_phone, "on 2018-02-28 and 1/2/2019"), "");
	assert_string_equal(span(rl_find_phone, "to 29.11.2018 (2 days)"), "");
	assert_string_equal(span(rl_find_phone, "+91 98765 43210"), "+91 98765 43210");
	/* too few or too many digits, or part of a longer token */
	assert_string_equal(span(rl_find_phone, "Grew revenue 12.5%"), "");
	assert_string_equal(span(rl_find_phone, "ID A1234567890"), "");
	assert_string_equal(span(rl_find_phone, "1234567890123456789"), "");
}

static void test_url(void **state)
{
	(void)state;
	assert_int_equal(rl_find_url("see https://jane.dev/work", 25, NULL, NULL), 1);
	assert_int_equal(rl_find_url("github.com/jane", 15, NULL, NULL), 1);
	assert_int_equal(rl_find_url("no address here", 15, NULL, NULL), 0);
	assert_int_equal(rl_has_contact("(1998 - 2010)", 13), 0);
	assert_int_equal(rl_has_contact("jane@example.com", 16), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_url),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
