/* Spotting contact details in text: an email address, a phone number, a web
 * address. Deliberately plain scanners (no regex): they run on every block. */
#ifndef RL_CONTACT_H
#define RL_CONTACT_H

#include <stddef.h>

/* Each returns 1 when s[0, len) holds one, and its span in [*start, *end)
 * when start and end are not NULL. */
int rl_find_email(const char *s, size_t len, size_t *start, size_t *end);
int rl_find_phone(const char *s, size_t len, size_t *start, size_t *end);
int rl_find_url(const char *s, size_t len, size_t *start, size_t *end);
/* Any of the three. */
int rl_has_contact(const char *s, size_t len);

#endif
