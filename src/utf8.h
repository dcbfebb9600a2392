/* UTF-8 decoding, encoding and counting. */
#ifndef RL_UTF8_H
#define RL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define RL_REPLACEMENT_CHAR 0xFFFDu

/* Decodes one code point at s (len > 0). Returns the number of bytes used
 * (1 for an invalid byte, in which case *cp is RL_REPLACEMENT_CHAR and *valid
 * is 0 when valid is not NULL). */
size_t rl_utf8_decode(const char *s, size_t len, uint32_t *cp, int *valid);
/* Writes cp (invalid ones become U+FFFD) and returns its length, 1-4. */
size_t rl_utf8_encode(uint32_t cp, char out[4]);
/* Number of code points in s[0..len); each invalid byte counts as one. */
size_t rl_utf8_count(const char *s, size_t len);
/* Byte offset of the n-th code point (0-based) in s, clamped to len. */
size_t rl_utf8_advance(const char *s, size_t len, size_t n);
/* Length of the code point that starts at s (1 for a continuation or an
 * invalid byte). */
size_t rl_utf8_seqlen(unsigned char c);

/* Simple lower case for the scripts resume headings use (Latin, Greek,
 * Cyrillic); other code points are returned as they are. */
uint32_t rl_unicode_lower(uint32_t cp);
/* 1 for a code point that belongs in a word (letters, digits, marks); 0 for
 * punctuation, symbols, spaces and emoji. */
int rl_unicode_is_word(uint32_t cp);
/* Lower-cases s and turns every run of non-word characters into one space,
 * trimmed: "— Skills & Tools —" → "skills tools". Appends to out. */
struct rl_buf;
void rl_utf8_fold_words(const char *s, size_t len, struct rl_buf *out);

#endif
