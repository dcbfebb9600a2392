/* Bounds on what a Word file may cost, each with its reason. A hostile file
 * stops at these with one clear error instead of exhausting memory or time. */
#ifndef RL_WORD_LIMITS_H
#define RL_WORD_LIMITS_H

/* The document part of a long CV is well under 2 MiB; 16 MiB leaves room for
 * verbose generators while a zip bomb stops as soon as it passes it. */
#define WD_MAX_PART_BYTES (16u * 1024 * 1024)
/* All the parts read from one file together. */
#define WD_MAX_TOTAL_BYTES (48u * 1024 * 1024)
/* XML compresses 5-20 times; a part that inflates 200 times past 1 MiB is a
 * bomb, not a resume. */
#define WD_MAX_RATIO 200u
#define WD_RATIO_FLOOR (1u * 1024 * 1024)
/* A part is inflated this much at a time, the sizes and the ratio checked
 * after each step. */
#define WD_READ_STEP (64u * 1024)
/* A .docx has a few dozen parts; thousands is an attack on the directory. */
#define WD_MAX_PARTS 10000
/* Word nests body, table, row, cell, paragraph, run, text box ... about 30
 * deep for nested tables in text boxes; below libxml2's own 256 so that our
 * message, not its advice to turn on XML_PARSE_HUGE, is what users see. */
#define WD_MAX_XML_DEPTH 200
#define WD_MAX_XML_DEPTH_TEXT "200"
/* Styles referring to each other through basedOn: Word itself stops at 10s;
 * a cycle or a deeper chain is cut here. */
#define WD_MAX_STYLE_CHAIN 32
/* Styles, and lists (w:num) or list definitions (w:abstractNum), in one
 * file: the corpus has at most 164 styles and 30 lists, and Word itself
 * stops near 4,000 styles. Each costs memory (a style some 700 bytes) and
 * a 16 MiB part could otherwise define 700,000. */
#define WD_MAX_STYLES 10000
#define WD_MAX_LISTS 10000
/* Paragraphs in one file: a 40-page CV has a few thousand, 20,000 is some
 * 400 pages. Each costs about 1.3 KB while read, so a 16 MiB part of tiny
 * paragraphs stops near 28 MB. */
#define WD_MAX_PARAGRAPHS 20000

#endif
