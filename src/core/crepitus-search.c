/* crepitus-search.c — folding names and numbers into search keys
 *
 * SQLite's FTS5 `remove_diacritics 2` folds é→e but not ł, ø, đ, ß, æ: those letters have no
 * Unicode decomposition, so no normalisation form removes their "accent". Patients are found
 * by a key folded here instead, the same way for what is stored and what is typed.
 */
#define G_LOG_DOMAIN "crepitus-search"

#include "config.h"

#include "crepitus-search.h"

/* Letters without a decomposition, after case folding, and how they are spelled in a key. */
static const struct
{
  gunichar    letter;
  const char *spelling;
} undecomposed[] = {
  { 0x00E6, "ae" },  /* æ */
  { 0x00F0, "d" },   /* ð */
  { 0x00F8, "o" },   /* ø */
  { 0x00FE, "th" },  /* þ */
  { 0x0111, "d" },   /* đ */
  { 0x0127, "h" },   /* ħ */
  { 0x0131, "i" },   /* ı */
  { 0x0138, "k" },   /* ĸ */
  { 0x0140, "l" },   /* ŀ */
  { 0x0142, "l" },   /* ł */
  { 0x014B, "n" },   /* ŋ */
  { 0x0153, "oe" },  /* œ */
  { 0x0167, "t" },   /* ŧ */
  { 0x0180, "b" },   /* ƀ */
  { 0x0188, "c" },   /* ƈ */
  { 0x0192, "f" },   /* ƒ */
  { 0x01E5, "g" },   /* ǥ */
  { 0x0268, "i" },   /* ɨ */
  { 0x0237, "j" },   /* ȷ */
};

char *
crepitus_search_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *key;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  /* Full case folding first (ß → ss, İ → i̇), then split letters from their marks. */
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  key = g_string_sized_new (strlen (text));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);
      const char *spelling = NULL;

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;

      if (!g_unichar_isalnum (c))
        {
          pending_space = key->len > 0;
          continue;
        }

      if (pending_space)
        {
          g_string_append_c (key, ' ');
          pending_space = FALSE;
        }

      for (guint i = 0; i < G_N_ELEMENTS (undecomposed); i++)
        if (undecomposed[i].letter == c)
          spelling = undecomposed[i].spelling;

      if (spelling != NULL)
        g_string_append (key, spelling);
      else
        g_string_append_unichar (key, g_unichar_tolower (c));
    }

  return g_string_free (key, FALSE);
}

char **
crepitus_search_words (const char *text)
{
  g_autofree char *folded = crepitus_search_fold (text);

  if (*folded == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (folded, " ", -1);
}
